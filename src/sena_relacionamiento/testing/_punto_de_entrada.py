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

from sena_relacionamiento.acceso import CarpetaCompartida, Usuario
from sena_relacionamiento.datos import DatosSeguimiento
from sena_relacionamiento.enrutamiento import Destino
from sena_relacionamiento.informe import Informe
from sena_relacionamiento.parametros import Parametros
from sena_relacionamiento.periodos import Periodo, Trimestre, Vigencia
from sena_relacionamiento.regionales import Regional
from sena_relacionamiento.registros import (
    Ambiente,
    Asignacion,
    Contacto,
    ContratoAprendizaje,
    EmpresaCuota,
    Evento,
    Gestor,
    LogroSismeg,
    ServicioUsado,
    Solicitud,
)
from sena_relacionamiento.relacionamiento import Relacionamiento

__all__ = ["FABRICAS", "registrar"]

FABRICAS: Final[Sequence[tuple[type[Any], str]]] = (
    (Regional, "regionales"),
    (Periodo, "periodos"),
    (Trimestre, "trimestres"),
    (Vigencia, "vigencias"),
    (Parametros, "parametros"),
    (Gestor, "gestores"),
    (Asignacion, "asignaciones"),
    (Contacto, "contactos"),
    (ServicioUsado, "servicios_usados"),
    (Solicitud, "solicitudes"),
    (Ambiente, "ambientes"),
    (ContratoAprendizaje, "contratos"),
    (EmpresaCuota, "empresas_cuota"),
    (Evento, "eventos"),
    (LogroSismeg, "logros"),
    (Usuario, "usuarios"),
    (CarpetaCompartida, "carpetas"),
    (Destino, "destinos"),
    (Relacionamiento, "relacionamientos"),
    (DatosSeguimiento, "datos_seguimiento"),
    (Informe, "informes"),
)
"""Cada tipo público y el nombre de su estrategia en `estrategias`."""


def _estrategia(nombre: str, _tipo: type[Any]) -> Any:
    return getattr(importlib.import_module("sena_relacionamiento.testing.estrategias"), nombre)()


def registrar() -> None:
    """Registra en hypothesis una estrategia perezosa por cada tipo de `FABRICAS`."""
    from hypothesis import strategies as st

    for tipo, nombre in FABRICAS:
        st.register_type_strategy(tipo, partial(_estrategia, nombre))
