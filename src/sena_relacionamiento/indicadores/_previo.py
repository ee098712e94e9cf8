"""Lo que no depende del periodo, preparado una vez para toda una serie (uso interno).

`serie()` calcula muchos periodos sobre los mismos datos: los contactos de gestores conocidos
ordenados por fecha (cada mes toma su tramo con una búsqueda binaria en vez de recorrerlos
todos) y los servicios ya en su orden total (`clave_de_orden`, también por fecha: R16) con la
clave de cada nombre (R33). `informe()` no lo usa: ordenar le costaría más que un recorrido.
Las cifras y los excluidos son los mismos con o sin él (los excluidos se ordenan al pedirlos).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from datetime import date
from operator import attrgetter
from typing import Generic, TypeVar

import attrs

from sena_relacionamiento._texto import clave_servicio
from sena_relacionamiento.datos import DatosSeguimiento, clave_de_orden
from sena_relacionamiento.registros import Contacto, ServicioUsado

__all__ = ["PorFecha", "Previo"]


R = TypeVar("R", Contacto, ServicioUsado)


@attrs.frozen
class PorFecha(Generic[R]):
    """Registros ordenados por fecha, con sus fechas aparte para buscar tramos y, si hace
    falta, una clave de cada uno (la empresa, el gestor) para contarlos sin recorrerlos."""

    registros: tuple[R, ...]
    fechas: tuple[date, ...]
    claves: tuple[str, ...] = ()

    def tramo(self, desde: date, hasta: date) -> tuple[int, int]:
        """Los índices ``[i, j)`` de los registros con ``desde <= fecha <= hasta``."""
        return bisect_left(self.fechas, desde), bisect_right(self.fechas, hasta)

    def indice(self, desde: date) -> int:
        """El índice del primer registro con ``fecha >= desde``."""
        return bisect_left(self.fechas, desde)


def _por_fecha(registros: Sequence[R], clave: str | None = None) -> PorFecha[R]:
    """`registros` ya ordenados por fecha; `clave`, el campo que se cuenta."""
    claves = () if clave is None else tuple(map(attrgetter(clave), registros))
    return PorFecha(tuple(registros), tuple(r.fecha for r in registros), claves)


@attrs.frozen
class Previo:
    """Los contactos de gestor desconocido; los de gestor conocido, a su cartera (con la
    empresa) y fuera de ella (con el gestor), cada grupo por fecha; los servicios en su orden
    total y la clave (R33) de cada nombre de servicio."""

    contactos_desconocidos: tuple[Contacto, ...]
    a_cartera: PorFecha[Contacto]
    fuera_de_cartera: PorFecha[Contacto]
    servicios: PorFecha[ServicioUsado]
    claves_servicio: Mapping[str, str]

    @classmethod
    def de(cls, datos: DatosSeguimiento) -> Previo:
        cartera = datos.indice.cartera
        desconocidos: list[Contacto] = []
        propios: list[Contacto] = []
        ajenos: list[Contacto] = []
        for c in datos.contactos:
            propia = cartera.get(c.gestor)
            if propia is None:
                desconocidos.append(c)
            else:
                (propios if c.nit in propia else ajenos).append(c)
        por_fecha = attrgetter("fecha")
        propios.sort(key=por_fecha)  # estable
        ajenos.sort(key=por_fecha)
        servicios = sorted(datos.servicios, key=clave_de_orden)
        claves = {s.servicio: clave_servicio(s.servicio) for s in datos.servicios}
        return cls(
            tuple(desconocidos),
            _por_fecha(propios, "nit"),
            _por_fecha(ajenos, "gestor"),
            _por_fecha(servicios),
            claves,
        )
