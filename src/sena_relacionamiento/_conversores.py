"""Conversores de campos compartidos por los valores del núcleo (uso interno): cada uno
devuelve el valor normalizado o lanza un `DatoInvalido` que nombra el campo."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.regionales import Regional, regional

__all__ = ["booleano", "regional_de", "texto", "tupla_de"]

R = TypeVar("R")


def texto(valor: object, campo: str) -> str:
    """Un texto no vacío, con los espacios repetidos reducidos a uno."""
    if not isinstance(valor, str) or not valor.strip():
        raise DatoInvalido("se esperaba un texto no vacío", campo=campo, valor=valor)
    return " ".join(valor.split())


def booleano(valor: object, campo: str) -> bool:
    """`True` o `False`, nada más (ni 0/1 ni texto)."""
    if not isinstance(valor, bool):
        raise DatoInvalido("se esperaba True o False", campo=campo, valor=valor)
    return valor


def regional_de(valor: object, campo: str = "regional") -> Regional:
    """La regional de lo que `regional()` acepta; otro tipo es un `DatoInvalido` del campo."""
    if not isinstance(valor, str | int | Regional):
        raise DatoInvalido("se esperaba una regional", campo=campo, valor=valor)
    return regional(valor)


def tupla_de(valores: object, clase: type[R], campo: str) -> tuple[R, ...]:
    """Cualquier iterable de valores de `clase` como tupla; un elemento de otro tipo es un
    `DatoInvalido` que dice su posición."""
    if isinstance(valores, str | bytes) or not isinstance(valores, Iterable):
        raise DatoInvalido(
            f"se esperaba una colección de {clase.__name__}", campo=campo, valor=valores
        )
    tupla = tuple(valores)
    if set(map(type, tupla)) <= {clase}:
        return tupla  # todos de la clase misma (lo común): sin recorrerlos uno por uno
    for posicion, valor in enumerate(tupla):
        if not isinstance(valor, clase):
            raise DatoInvalido(
                f"se esperaba un {clase.__name__}", campo=f"{campo}[{posicion}]", valor=valor
            )
    return tupla
