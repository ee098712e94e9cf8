"""Normalización de texto para comparar lo que la gente escribe (sin tildes, sin mayúsculas,
sin espacios repetidos)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

_NO_ALFANUMERICO = re.compile(r"[^0-9a-z]+")


def normalizar(texto: str) -> str:
    """Minúsculas, sin tildes, los puntos quitados y todo lo demás que no sea letra o dígito
    convertido en un solo espacio.

    >>> normalizar("  Bogotá   D.C. ")
    'bogota dc'
    >>> normalizar("ESTRATÉGICO")
    'estrategico'
    """
    sin_tildes = unicodedata.normalize("NFKD", texto.casefold())
    ascii_ = "".join(c for c in sin_tildes if not unicodedata.combining(c)).replace(".", "")
    return _NO_ALFANUMERICO.sub(" ", ascii_).strip()


def clave_servicio(nombre: str) -> str:
    """La clave de un nombre de servicio (R33): sin mayúsculas, sin tildes y con los espacios
    de alrededor quitados y los repetidos reducidos a uno. Dos nombres con la misma clave son
    el mismo servicio; cualquier otra diferencia (una letra, un signo) es otro servicio.

    >>> clave_servicio("  Formación   a la medida "), clave_servicio("FORMACION A LA MEDIDA")
    ('formacion a la medida', 'formacion a la medida')
    >>> clave_servicio("Formación.")
    'formacion.'
    """
    if nombre.isascii():  # lo común: sin tildes que quitar (mismo resultado, más rápido)
        return " ".join(nombre.lower().split())
    sin_tildes = unicodedata.normalize("NFKD", nombre.casefold())
    return " ".join("".join(c for c in sin_tildes if not unicodedata.combining(c)).split())


def grafia_mas_vista(frecuencias: Iterable[tuple[str, int]]) -> str:
    """La grafía que se vio más veces; a igualdad, la primera en orden alfabético (por puntos
    de código: las mayúsculas antes que las minúsculas) (R33).

    >>> grafia_mas_vista([("formacion", 2), ("Formación", 1)])
    'formacion'
    >>> grafia_mas_vista([("formacion", 1), ("Formación", 1)])
    'Formación'
    """
    return min(frecuencias, key=lambda par: (-par[1], par[0]))[0]


def parecidos(consulta: str, candidatos: Iterable[str], n: int = 3) -> list[str]:
    """Los candidatos (ya normalizados) más parecidos a la consulta, con `difflib`."""
    return difflib.get_close_matches(normalizar(consulta), list(candidatos), n=n, cutoff=0.6)
