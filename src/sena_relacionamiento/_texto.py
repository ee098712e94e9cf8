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


def parecidos(consulta: str, candidatos: Iterable[str], n: int = 3) -> list[str]:
    """Los candidatos (ya normalizados) más parecidos a la consulta, con `difflib`."""
    return difflib.get_close_matches(normalizar(consulta), list(candidatos), n=n, cutoff=0.6)
