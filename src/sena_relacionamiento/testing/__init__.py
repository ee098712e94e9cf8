"""Kit de pruebas para las suites que usan `sena_relacionamiento`.

- Constructores (sin dependencias extra): ``un_gestor(**cambios)``, ``un_contacto(...)``, …,
  y ``un_conjunto_de_datos(...)``, un `DatosSeguimiento` coherente y determinista.
- Afirmaciones (sin dependencias extra): `afirmar_informe_consistente` y
  `afirmar_informes_iguales`, que lanzan `AssertionError` con un mensaje en español.
- Estrategias de `hypothesis` (extra ``pruebas``): en `sena_relacionamiento.testing.estrategias`
  y también como atributos de este paquete (``testing.datos_seguimiento(...)``); sin
  `hypothesis` instalado, pedirlas es un `DependenciaFaltante`.

Importar `sena_relacionamiento` no importa este paquete ni `hypothesis`.

>>> from sena_relacionamiento.testing import un_gestor, una_asignacion
>>> una_asignacion(gestor=un_gestor(id="g2")).gestor
'g2'
"""

from __future__ import annotations

import importlib
from typing import Any, Final

from sena_relacionamiento.testing.afirmaciones import (
    afirmar_informe_consistente,
    afirmar_informes_iguales,
)
from sena_relacionamiento.testing.constructores import (
    FECHA,
    NIT,
    PERIODO,
    SERVICIOS,
    un_ambiente,
    un_conjunto_de_datos,
    un_contacto,
    un_contrato,
    un_evento,
    un_gestor,
    un_logro,
    un_servicio_usado,
    un_usuario,
    una_asignacion,
    una_empresa_cuota,
    una_solicitud,
)

__all__ = [
    "FECHA",
    "NIT",
    "PERIODO",
    "SERVICIOS",
    "afirmar_informe_consistente",
    "afirmar_informes_iguales",
    "un_ambiente",
    "un_conjunto_de_datos",
    "un_contacto",
    "un_contrato",
    "un_evento",
    "un_gestor",
    "un_logro",
    "un_servicio_usado",
    "un_usuario",
    "una_asignacion",
    "una_empresa_cuota",
    "una_solicitud",
]

# Los nombres de `estrategias.__all__`, que se cargan solo al pedirlos (necesitan hypothesis).
_ESTRATEGIAS: Final = frozenset(
    {
        "ambientes",
        "asignaciones",
        "carpetas",
        "contactos",
        "contratos",
        "datos_seguimiento",
        "destinos",
        "empresas_cuota",
        "estrategias",
        "eventos",
        "fechas",
        "gestores",
        "ids",
        "informes",
        "logros",
        "montos",
        "nits",
        "parametros",
        "periodos",
        "regionales",
        "registrar_estrategias",
        "relacionamientos",
        "servicios_usados",
        "solicitudes",
        "trimestres",
        "usuarios",
        "vigencias",
    }
)


def __getattr__(nombre: str) -> Any:
    """Carga las estrategias de `hypothesis` al pedirlas; sin `hypothesis` es un
    `DependenciaFaltante` (extra ``pruebas``)."""
    if nombre not in _ESTRATEGIAS:
        raise AttributeError(f"el módulo {__name__!r} no tiene el atributo {nombre!r}")
    modulo = importlib.import_module("sena_relacionamiento.testing.estrategias")
    return modulo if nombre == "estrategias" else getattr(modulo, nombre)
