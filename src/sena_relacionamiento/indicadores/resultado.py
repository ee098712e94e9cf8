"""El resultado de un indicador para un ámbito y su estado frente a la meta (R24–R25).

Las comparaciones con la meta son exactas (aritmética entera, sin redondeos): 27 de 30 empresas es
exactamente 90 % y cumple.

>>> from decimal import Decimal
>>> evaluar(27, 30, Decimal("0.90"), horizonte_cerrado=True, avance=Fraction(1))
(<Estado.CUMPLE: 'Cumple'>, <Semaforo.VERDE: 'Verde'>)
>>> evaluar(6, 100, Decimal("0.06"), horizonte_cerrado=True, avance=Fraction(1), tope=True)
(<Estado.CUMPLE: 'Cumple'>, <Semaforo.VERDE: 'Verde'>)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.enumeraciones import EnumSena
from sena_relacionamiento.errores import DatoInvalido

__all__ = ["Estado", "Indicador", "Resultado", "Semaforo", "evaluar"]


class Indicador(EnumSena):
    """Los indicadores de la circular (§1, §2a–§2g)."""

    SISMEG_FORMADOS = "SISMEG: colombianos formados"
    SISMEG_EMPLEOS = "SISMEG: empleos generados"
    EC = "Empresas contactadas"
    EP = "Efectividad del portafolio"
    EG = "Efectividad de la gestión"
    AF = "Ambientes de formación"
    CV = "Contratos de aprendizaje voluntarios"
    EM = "Empresas que monetizan"
    PE = "Participación en eventos"


class Estado(EnumSena):
    """Estado de un resultado frente a su meta (R24)."""

    CUMPLE = "Cumple"
    NO_CUMPLE = "No cumple"
    EN_CURSO = "En curso"
    SIN_META = "Sin meta"
    SIN_DATOS = "Sin datos"


class Semaforo(EnumSena):
    """Semáforo del avance (R25): verde ≥ 90 %, amarillo 70 %–90 %, rojo < 70 %."""

    VERDE = "Verde"
    AMARILLO = "Amarillo"
    ROJO = "Rojo"


def _detalle(valor: Mapping[str, Any]) -> MapaFijo[str, Any]:
    if type(valor) is MapaFijo:  # lo común, sin pasar por el `isinstance` de las ABC
        return valor
    if not isinstance(valor, Mapping):
        raise DatoInvalido("se esperaba un mapeo", campo="detalle", valor=valor)
    return MapaFijo(valor)


@attrs.frozen(kw_only=True)
class Resultado:
    """Un indicador medido en un ámbito sobre una ventana `inicio`…`fin` (R24).

    `valor` es `Decimal` para las razones (EC, EP, EG, EM), `int` para los conteos (SISMEG,
    AF, CV, PE) y `None` sin datos. En las razones `numerador`/`denominador` son sus términos;
    en los conteos `numerador` es el conteo y `denominador` es `None`. `detalle` es un mapeo de
    solo lectura con los desgloses de cada regla.
    """

    indicador: Indicador
    inicio: date
    fin: date
    valor: Decimal | int | None
    meta: Decimal | int | None
    numerador: int | Decimal
    denominador: int | None
    estado: Estado
    semaforo: Semaforo | None
    detalle: MapaFijo[str, Any] = attrs.field(factory=MapaFijo, converter=_detalle)


def evaluar(
    valor: Fraction | int | Decimal | None,
    denominador: int | None,
    meta: Decimal | int | None,
    *,
    horizonte_cerrado: bool,
    avance: Fraction,
    tope: bool = False,
    umbrales: tuple[Decimal, Decimal] = (Decimal("0.90"), Decimal("0.70")),
) -> tuple[Estado, Semaforo | None]:
    """Estado y semáforo de un resultado (R24–R25).

    `valor` es el numerador de una razón (con su `denominador`) o un conteo (denominador
    `None`); `meta` es un mínimo, o un techo si `tope`. `avance` es la fracción del horizonte
    de la meta transcurrida al corte (1 cuando el horizonte terminó): la meta esperada es la
    meta por el avance. Sin denominador no hay datos: `SIN_DATOS`, nunca una división por cero.
    `umbrales` son los del verde y el amarillo (`Parametros.umbral_verde`, `umbral_amarillo`).
    """
    if denominador == 0 or valor is None:
        return Estado.SIN_DATOS, None
    if meta is None:
        return Estado.SIN_META, None
    # Aritmética entera exacta: logrado = a/b, meta = m/n, avance = p/q.
    a, b = _razon(valor)
    b *= denominador or 1
    m, n = _razon(meta)
    if tope:
        cumple = a * n <= m * b
        semaforo = Semaforo.VERDE if cumple else Semaforo.ROJO
    else:
        cumple = a * n >= m * b
        semaforo = _semaforo(a, b, m * avance.numerator, n * avance.denominator, umbrales)
    if not horizonte_cerrado:
        return Estado.EN_CURSO, semaforo
    return (Estado.CUMPLE if cumple else Estado.NO_CUMPLE), semaforo


def _razon(numero: int | Decimal | Fraction) -> tuple[int, int]:
    """El número como fracción exacta de enteros (numerador, denominador > 0)."""
    return numero.as_integer_ratio()


def _semaforo(a: int, b: int, e: int, f: int, umbrales: tuple[Decimal, Decimal]) -> Semaforo:
    """Semáforo de logrado a/b frente a esperado e/f (R25): progreso = (a/b)/(e/f)."""
    if e == 0:
        return Semaforo.VERDE
    for umbral, color in zip(umbrales, (Semaforo.VERDE, Semaforo.AMARILLO), strict=True):
        u, v = _razon(umbral)
        if a * f * v >= u * e * b:  # progreso ≥ umbral, sin dividir
            return color
    return Semaforo.ROJO
