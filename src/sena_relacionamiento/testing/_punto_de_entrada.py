"""El punto de entrada ``hypothesis`` del paquete (``[project.entry-points.hypothesis]``).

Hypothesis lo llama al importarse. Registra, para cada tipo público, una estrategia que se
arma al pedirla (``st.from_type(Contacto)``) importando entonces
`sena_relacionamiento.testing.estrategias`. No importa ese módulo aquí: si fue él quien importó
hypothesis (``import sena_relacionamiento.testing.estrategias`` en un intérprete nuevo), está a
medio importar y pedirle algo fallaría.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import partial
from typing import Any, Final

import sena_relacionamiento as sena

__all__ = ["FABRICAS", "registrar"]

FABRICAS: Final[Sequence[tuple[type[Any], str]]] = (
    (sena.Regional, "regionales"),
    (sena.Periodo, "periodos"),
    (sena.Trimestre, "trimestres"),
    (sena.Vigencia, "vigencias"),
    (sena.Parametros, "parametros"),
    (sena.Gestor, "gestores"),
    (sena.Asignacion, "asignaciones"),
    (sena.Contacto, "contactos"),
    (sena.ServicioUsado, "servicios_usados"),
    (sena.Solicitud, "solicitudes"),
    (sena.Ambiente, "ambientes"),
    (sena.ContratoAprendizaje, "contratos"),
    (sena.EmpresaCuota, "empresas_cuota"),
    (sena.Evento, "eventos"),
    (sena.LogroSismeg, "logros"),
    (sena.Usuario, "usuarios"),
    (sena.CarpetaCompartida, "carpetas"),
    (sena.Destino, "destinos"),
    (sena.Relacionamiento, "relacionamientos"),
    (sena.DatosSeguimiento, "datos_seguimiento"),
    (sena.Informe, "informes"),
)
"""Cada tipo público y el nombre de su estrategia en `estrategias`."""


def _estrategia(nombre: str, _tipo: type[Any]) -> Any:
    return getattr(importlib.import_module("sena_relacionamiento.testing.estrategias"), nombre)()


def registrar() -> None:
    """Registra en hypothesis una estrategia perezosa por cada tipo de `FABRICAS`."""
    from hypothesis import strategies as st

    for tipo, nombre in FABRICAS:
        st.register_type_strategy(tipo, partial(_estrategia, nombre))
