"""Base común de las enumeraciones: nombres ASCII, `.etiqueta` en español con tildes y una
lectura tolerante (`de`) por nombre o etiqueta, sin importar mayúsculas ni tildes.

>>> from sena_relacionamiento import SegmentoRegional
>>> SegmentoRegional.de("pequeña") is SegmentoRegional.PEQUENA
True
>>> SegmentoRegional.PEQUENA.etiqueta
'Pequeña'
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar, Self

from sena_relacionamiento._texto import normalizar
from sena_relacionamiento.errores import DatoInvalido

__all__ = ["EnumSena", "Rol", "SegmentoRegional", "TipoEmpresa"]


class EnumSena(enum.Enum):
    """Enumeración cuyo valor es la etiqueta en español."""

    # Los miembros son únicos: el hash por identidad es coherente con == y mucho más rápido
    # que el de `enum.Enum` (escrito en Python), que se nota al contar millones de registros.
    __hash__ = object.__hash__

    # Índice de lectura de `de`, armado una vez por clase: lo escrito tal cual y normalizado.
    _indice_: ClassVar[Mapping[str, EnumSena]]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        indice: dict[str, EnumSena] = {}
        for miembro in cls:
            for texto in (miembro.name, miembro.etiqueta):
                indice.setdefault(texto, miembro)
                indice.setdefault(normalizar(texto), miembro)
        type.__setattr__(cls, "_indice_", MappingProxyType(indice))

    @property
    def etiqueta(self) -> str:
        """La etiqueta en español, con tildes."""
        return str(self.value)

    def __str__(self) -> str:
        return self.etiqueta

    @classmethod
    def de(cls, valor: object, campo: str | None = None) -> Self:
        """El miembro dado como miembro, por su nombre o por su etiqueta (sin importar
        mayúsculas, tildes ni espacios). Cualquier otra cosa es un `DatoInvalido`."""
        if isinstance(valor, cls):
            return valor
        if isinstance(valor, str):
            miembro = cls._indice_.get(valor) or cls._indice_.get(normalizar(valor))
            if miembro is not None:
                return miembro  # type: ignore[return-value]
        opciones = ", ".join(m.name for m in cls)
        raise DatoInvalido(
            f"no es un valor de {cls.__name__}; se esperaba uno de: {opciones}",
            campo=campo if isinstance(campo, str) and campo else _campo_de(cls.__name__),
            valor=valor,
        )


type.__setattr__(EnumSena, "_indice_", MappingProxyType({}))


def _campo_de(nombre_clase: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in nombre_clase).lstrip("_")


class SegmentoRegional(EnumSena):
    """Segmento de una regional por los aportes parafiscales que recibe (R3)."""

    GRANDE = "Grande"
    MEDIANA = "Mediana"
    PEQUENA = "Pequeña"


class TipoEmpresa(EnumSena):
    """Tipo de empresa por sus aportes parafiscales anuales (R4)."""

    A = "Tipo A"
    B = "Tipo B"
    NO_FOCALIZADA = "No focalizada"


class Rol(EnumSena):
    """Rol de un gestor (§1: la cuota SISMEG se reparte por rol)."""

    ESTRATEGICO = "Estratégico"
    EMPRESARIAL = "Empresarial"
