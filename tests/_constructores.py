"""Constructores pequeños para las pruebas de los registros, los indicadores y el informe.

Todo se arma con los constructores públicos y palabras clave; estas funciones solo ponen
valores por defecto razonables para que cada prueba muestre lo que importa en ella.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sena_relacionamiento import (
    Asignacion,
    Contacto,
    DatosSeguimiento,
    Gestor,
    Periodo,
    informe,
)
from sena_relacionamiento.informe import Informe

__all__ = [
    "ANA",
    "ANTIOQUIA",
    "EVA",
    "GUAINIA",
    "HUILA",
    "LUIS",
    "PEPE",
    "asignar",
    "contactar",
    "datos",
    "gestor",
    "informe_de",
    "motivos",
    "nits",
]


def gestor(id: str, rol: str = "Empresarial", regional: str = "Huila") -> Gestor:
    """Un gestor; por defecto empresarial y de Huila."""
    return Gestor(id=id, rol=rol, regional=regional)


def nits(cantidad: int, base: int = 800_000_000) -> list[str]:
    """`cantidad` NIT distintos y consecutivos desde `base` + 1, como texto."""
    return [str(base + i) for i in range(1, cantidad + 1)]


def asignar(id_gestor: str, empresas: Iterable[str]) -> list[Asignacion]:
    """Asigna cada empresa de `empresas` al gestor `id_gestor`."""
    return [Asignacion(gestor=id_gestor, nit=nit) for nit in empresas]


def contactar(
    id_gestor: str,
    empresas: Iterable[str],
    fecha: date,
    tipo: str = "nuevo",
    medio: str = "visita",
) -> list[Contacto]:
    """Un contacto del gestor con cada empresa de `empresas`, todos el mismo día."""
    return [
        Contacto(gestor=id_gestor, nit=nit, fecha=fecha, tipo=tipo, medio=medio) for nit in empresas
    ]


def datos(
    gestores: Sequence[Gestor], asignaciones: Sequence[Asignacion] = (), **otros: Any
) -> DatosSeguimiento:
    """Un `DatosSeguimiento` con colecciones vacías por defecto."""
    return DatosSeguimiento(gestores=gestores, asignaciones=asignaciones, **otros)


def informe_de(
    gestores: Sequence[Gestor],
    asignaciones: Sequence[Asignacion] = (),
    *,
    mes: int = 3,
    **otros: Any,
) -> Informe:
    """El informe de 2012-`mes` de unos datos armados con `datos`."""
    return informe(datos(gestores, asignaciones, **otros), Periodo(2012, mes))


def motivos(inf: Informe, tipo: type[Any]) -> Counter[tuple[Any, str]]:
    """Los excluidos de un tipo de registro, con su motivo (sin importar el orden)."""
    return Counter((e.registro, e.motivo) for e in inf.excluidos if isinstance(e.registro, tipo))


HUILA = "41"
ANTIOQUIA = "05"
GUAINIA = "94"
ANA = gestor("ana")  # empresarial, Huila
LUIS = gestor("luis", rol="Estratégico")  # estratégico, Huila
EVA = gestor("eva", rol="Estratégico", regional="Antioquia")
PEPE = gestor("pepe", regional="Antioquia")  # empresarial, Antioquia
