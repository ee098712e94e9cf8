"""Las 33 regionales del SENA y su búsqueda tolerante (R1–R2).

Cada regional tiene el código DANE/DIVIPOLA de su departamento, de dos dígitos, y el nombre
corto que el propio SENA usa.

>>> regional("05")
Regional(codigo='05', nombre='Antioquia')
>>> str(regional("  regional BOGOTÁ d.c. "))
'Distrito Capital'
>>> regional(5) is regional("Antioquia")
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, TypeAlias

import attrs

from sena_relacionamiento._texto import normalizar, parecidos
from sena_relacionamiento.errores import RegionalDesconocida

__all__ = ["REGIONALES", "ConsultaRegional", "Regional", "regional"]


@attrs.frozen(order=True)
class Regional:
    """Una regional del SENA (R1): `codigo` (``"05"``) y `nombre` (``"Antioquia"``).

    Se ordena por código. Se obtiene con `regional()`; construirla a mano exige un par
    código–nombre del catálogo.
    """

    codigo: str
    nombre: str = attrs.field(order=False)

    def __attrs_post_init__(self) -> None:
        if not (isinstance(self.codigo, str) and isinstance(self.nombre, str)):
            raise RegionalDesconocida(f"{self.codigo!r} {self.nombre!r}")
        if _NOMBRES.get(self.codigo) != self.nombre:
            raise RegionalDesconocida(f"{self.codigo} {self.nombre}", _sugerir(self.nombre))

    def __str__(self) -> str:
        return self.nombre


# R1: código DANE del departamento → nombre corto del SENA.
_NOMBRES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "05": "Antioquia",
        "08": "Atlántico",
        "11": "Distrito Capital",
        "13": "Bolívar",
        "15": "Boyacá",
        "17": "Caldas",
        "18": "Caquetá",
        "19": "Cauca",
        "20": "Cesar",
        "23": "Córdoba",
        "25": "Cundinamarca",
        "27": "Chocó",
        "41": "Huila",
        "44": "Guajira",
        "47": "Magdalena",
        "50": "Meta",
        "52": "Nariño",
        "54": "Norte de Santander",
        "63": "Quindío",
        "66": "Risaralda",
        "68": "Santander",
        "70": "Sucre",
        "73": "Tolima",
        "76": "Valle",
        "81": "Arauca",
        "85": "Casanare",
        "86": "Putumayo",
        "88": "San Andrés",
        "91": "Amazonas",
        "94": "Guainía",
        "95": "Guaviare",
        "97": "Vaupés",
        "99": "Vichada",
    }
)

REGIONALES: Final[tuple[Regional, ...]] = tuple(
    Regional(codigo, nombre) for codigo, nombre in _NOMBRES.items()
)
"""Las 33 regionales, ordenadas por código (R1)."""

# R2: nombres que la gente escribe de verdad. Las erratas de la circular ("Boyara",
# "Valle del Cuca") no son alias: se rechazan con sugerencia.
_ALIAS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "Bogotá": "11",
        "Bogotá D.C.": "11",
        "Bogotá Distrito Capital": "11",
        "Valle del Cauca": "76",
        "La Guajira": "44",
        "San Andrés y Providencia": "88",
        "Providencia": "88",
        "Archipiélago de San Andrés, Providencia y Santa Catalina": "88",
    }
)

_POR_CODIGO: Final[Mapping[str, Regional]] = MappingProxyType({r.codigo: r for r in REGIONALES})
_POR_NOMBRE: Final[Mapping[str, Regional]] = MappingProxyType(
    {normalizar(r.nombre): r for r in REGIONALES}
    | {normalizar(alias): _POR_CODIGO[codigo] for alias, codigo in _ALIAS.items()}
)

# Un código escrito como texto: solo dígitos ASCII, con un "Regional" inicial opcional.
_CODIGO: Final = re.compile(r"\s*(?:regional\s+)?0*([0-9]{1,2})\s*", re.IGNORECASE)

ConsultaRegional: TypeAlias = str | int | Regional
"""Lo que `regional()` acepta: una `Regional`, un código (``"05"``, ``"5"``, ``5``) o un nombre."""


def regional(consulta: ConsultaRegional) -> Regional:
    """La regional que responde a `consulta` (R2).

    Acepta una `Regional`, un código (``"05"``, ``"5"``, ``5``) o un nombre, sin importar
    mayúsculas, tildes, espacios ni un "Regional" inicial, y los alias de uso común ("Bogotá
    D.C.", "Valle del Cauca", "La Guajira", "Providencia"…). Cualquier otra cosa lanza
    `RegionalDesconocida` con los nombres más parecidos.

    >>> regional("Valle del Cauca").codigo
    '76'
    >>> regional("Boyara")
    Traceback (most recent call last):
    ...
    sena_relacionamiento.errores.RegionalDesconocida: ... ¿quiso decir Boyacá o Bolívar? ...
    """
    if isinstance(consulta, Regional):
        return consulta
    if isinstance(consulta, int) and not isinstance(consulta, bool):
        encontrada = _POR_CODIGO.get(f"{consulta:02d}") if 0 <= consulta <= 99 else None
    elif isinstance(consulta, str):
        # El código se lee del texto crudo: normalizar quita puntos y signos, y "5.0" o "-5"
        # no deben volverse "50" (Meta) ni "5" (Antioquia).
        codigo = _CODIGO.fullmatch(consulta)
        if codigo:
            encontrada = _POR_CODIGO.get(codigo[1].zfill(2))
        else:
            encontrada = _POR_NOMBRE.get(normalizar(consulta).removeprefix("regional "))
    else:
        encontrada = None
    if encontrada is None:
        raise RegionalDesconocida(consulta, _sugerir(consulta))
    return encontrada


def _sugerir(consulta: object) -> tuple[str, ...]:
    if not isinstance(consulta, str):
        return ()
    clave = normalizar(consulta).removeprefix("regional ")
    nombres: list[str] = []
    for parecido in parecidos(clave, _POR_NOMBRE):
        nombre = _POR_NOMBRE[parecido].nombre
        if nombre not in nombres:
            nombres.append(nombre)
    return tuple(nombres)
