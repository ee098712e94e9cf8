"""Un mapeo de solo lectura, comparable y con hash, para las tablas y los detalles."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class MapaFijo(Mapping[K, V]):
    """Mapeo inmutable: no tiene métodos para modificarlo y su hash depende de su contenido.

    >>> m = MapaFijo({"a": 1})
    >>> m["a"], len(m), m == {"a": 1}
    (1, 1, True)
    """

    __slots__ = ("_datos",)

    def __init__(self, datos: Mapping[K, V] | None = None) -> None:
        self._datos: dict[K, V] = dict(datos or {})

    def __getitem__(self, clave: K) -> V:
        return self._datos[clave]

    def __iter__(self) -> Iterator[K]:
        return iter(self._datos)

    def __len__(self) -> int:
        return len(self._datos)

    def __hash__(self) -> int:
        return hash(frozenset(self._datos.items()))

    def __repr__(self) -> str:
        return f"MapaFijo({self._datos!r})"
