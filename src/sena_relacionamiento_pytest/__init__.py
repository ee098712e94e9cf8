"""Complemento de pytest: fixtures para las suites que usan `sena_relacionamiento`.

Se registra solo al instalar el paquete (punto de entrada ``pytest11``; se apaga con
``-p no:sena_relacionamiento``). Sus fixtures usan únicamente nombres públicos:

- ``sena_datos_ejemplo``: los `DatosSeguimiento` del juego de ejemplo (`datos_de_ejemplo`),
  leídos una vez por sesión.
- ``sena_informe_ejemplo``: el `Informe` de marzo de 2012 de esos datos (el periodo que
  muestra todos los estados y colores).
- ``sena_constructores``: los constructores de `sena_relacionamiento.testing`
  (``sena_constructores.un_gestor(...)``, ``.un_contacto(...)``, …,
  ``.un_conjunto_de_datos(...)``).

Es un paquete aparte de `sena_relacionamiento` y no lo importa al cargarse (solo dentro de
las fixtures): pytest carga sus complementos antes de empezar a medir la cobertura, y así la
de una suite que mide `sena_relacionamiento` no pierde las líneas de sus módulos. No importa
hypothesis ni ninguna dependencia opcional.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from sena_relacionamiento import DatosSeguimiento, Informe

__all__ = ["sena_constructores", "sena_datos_ejemplo", "sena_informe_ejemplo"]


@pytest.fixture(scope="session")
def sena_datos_ejemplo() -> DatosSeguimiento:
    """Los `DatosSeguimiento` del juego de ejemplo incluido en el paquete (inmutables: se
    comparten en la sesión)."""
    from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo

    return datos_de_ejemplo()


@pytest.fixture(scope="session")
def sena_informe_ejemplo(sena_datos_ejemplo: DatosSeguimiento) -> Informe:
    """El `Informe` de marzo de 2012 (`testing.PERIODO`) de los datos de ejemplo."""
    from sena_relacionamiento import informe, testing

    return informe(sena_datos_ejemplo, testing.PERIODO)


@pytest.fixture
def sena_constructores() -> SimpleNamespace:
    """Los constructores públicos de `sena_relacionamiento.testing`, como atributos."""
    from sena_relacionamiento import testing

    return SimpleNamespace(
        **{n: getattr(testing, n) for n in testing.__all__ if n.startswith(("un_", "una_"))}
    )
