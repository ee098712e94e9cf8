"""Dinero exacto en pesos colombianos (R5): `int` o `Decimal`, nunca `float`.

>>> parsear_pesos("$ 100.000.000")
Decimal('100000000')
>>> parsear_pesos("1.234.567,89")
Decimal('1234567.89')
>>> validar_pesos(2.5)
Traceback (most recent call last):
...
sena_relacionamiento.errores.DatoInvalido: pesos: el dinero debe ser int o Decimal, nunca float ...
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final, TypeAlias

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

from sena_relacionamiento.errores import DatoInvalido

__all__ = ["Pesos", "parsear_pesos", "validar_pesos"]

Pesos: TypeAlias = int | Decimal
"""Una cantidad de pesos: `int` o `Decimal` (con centavos)."""

# R5: "$" opcional; miles agrupados con puntos de a tres (o sin agrupar); coma y 1–2 centavos.
# Solo dígitos ASCII; un número agrupado no empieza por cero ("0.500" y "01.234" no son pesos).
_FORMA_PESOS: Final = re.compile(
    r"\$?\s*(?P<cifra>(?:[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]{1,2})?)"
)
# Miles con coma y centavos con punto, a la estadounidense: "1,234,567.89".
_FORMA_EEUU: Final = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]{1,2})?")
# Solo dígitos y separadores: la lectura probable es la de los dígitos.
_SOLO_CIFRAS: Final = re.compile(r"[0-9][0-9., ]*")


def validar_pesos(valor: object, campo: str = "pesos") -> Pesos:
    """Devuelve `valor` si es una cantidad de pesos válida: `int` o `Decimal` finito y no
    negativo. `bool`, `float`, `NaN`, texto o `None` lanzan `DatoInvalido` (R5)."""
    if isinstance(valor, bool) or not isinstance(valor, int | Decimal):
        if isinstance(valor, float):
            motivo = "el dinero debe ser int o Decimal, nunca float"
        elif isinstance(valor, str):
            motivo = "el dinero debe ser int o Decimal; para leer texto use parsear_pesos()"
        else:
            motivo = "el dinero debe ser int o Decimal"
        raise DatoInvalido(motivo, campo=campo, valor=valor)
    if isinstance(valor, Decimal) and not valor.is_finite():
        raise DatoInvalido("el dinero debe ser un número finito", campo=campo, valor=valor)
    if valor < 0:
        raise DatoInvalido("el dinero no puede ser negativo", campo=campo, valor=valor)
    return valor


def parsear_pesos(texto: str) -> Decimal:
    """Lee pesos escritos como en Colombia (R5): ``"$ 100.000.000"``, ``"2.500"``,
    ``"1.234,50"``.

    Admite un ``$`` opcional, dígitos con los miles agrupados por puntos de a tres (o sin
    agrupar) y una coma opcional con uno o dos dígitos de centavos. Lo demás (``"2.50"``,
    ``"1,2,3"``, ``"-5"``, ``""``) es un `DatoInvalido` que sugiere la lectura probable.

    >>> parsear_pesos("2.50")
    Traceback (most recent call last):
    ...
    sena_relacionamiento.errores.DatoInvalido: pesos: ... ¿quiso decir 250 o 2,5? ...
    """
    if not isinstance(texto, str):
        raise DatoInvalido("se esperaba texto", campo="pesos", valor=texto)
    forma = _FORMA_PESOS.fullmatch(texto.strip())
    if forma:
        return Decimal(forma["cifra"].replace(".", "").replace(",", "."))
    raise DatoInvalido(_motivo(texto), campo="pesos", valor=texto)


def _motivo(texto: str) -> str:
    cuerpo = texto.strip().removeprefix("$").strip()
    if not cuerpo:
        return "no hay ninguna cantidad escrita"
    if cuerpo.startswith("-"):
        return "el dinero no puede ser negativo"
    motivo = (
        "no es una cantidad de pesos escrita como en Colombia (miles con punto, centavos con coma)"
    )
    sugerencias = _sugerencias(cuerpo)
    if sugerencias:
        motivo += "; ¿quiso decir " + " o ".join(sugerencias) + "?"
    return motivo


def _sugerencias(cuerpo: str) -> list[str]:
    """Lecturas probables de `cuerpo`, cada una escrita como `parsear_pesos` la acepta."""
    if _FORMA_EEUU.fullmatch(cuerpo):
        return [cuerpo.translate(str.maketrans(",.", ".,"))]
    try:
        parse_decimal(cuerpo, locale="es_CO", strict=True)
    except NumberFormatError as error:
        candidatas = list(error.suggestions or [])
    else:
        candidatas = []
    sugerencias = [c for c in candidatas if _FORMA_PESOS.fullmatch(c)]
    if not sugerencias and _SOLO_CIFRAS.fullmatch(cuerpo):
        cifras = Decimal("".join(c for c in cuerpo if c.isdigit()))
        sugerencias = [format_decimal(cifras, locale="es_CO")]
    return sugerencias
