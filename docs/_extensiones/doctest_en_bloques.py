"""Extensión de griffe para la documentación: encierra los ejemplos doctest de los docstrings
en bloques de código, para que MkDocs no los lea como Markdown (p. ej. ``['2012-04']`` como un
enlace)."""

from __future__ import annotations

from typing import Any

import griffe


def encerrar_doctests(texto: str) -> str:
    """Encierra cada tramo que empieza en ``>>>`` (con su salida, hasta una línea en blanco) en
    un bloque ``pycon``."""
    salida: list[str] = []
    dentro = False
    for linea in texto.splitlines():
        empieza = linea.lstrip().startswith(">>>")
        if empieza and not dentro:
            salida.append("```pycon")
            dentro = True
        elif dentro and not linea.strip():
            salida.append("```")
            dentro = False
        salida.append(linea)
    if dentro:
        salida.append("```")
    return "\n".join(salida)


class DoctestEnBloques(griffe.Extension):
    """Aplica `encerrar_doctests` a cada docstring que no tenga ya bloques de código."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        docstring = obj.docstring
        if docstring is not None and "```" not in docstring.value:
            docstring.value = encerrar_doctests(docstring.value)
