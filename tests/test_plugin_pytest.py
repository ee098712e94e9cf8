"""El complemento de pytest del paquete (punto de entrada ``pytest11``, issue 17)."""

from __future__ import annotations

import importlib
import subprocess
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

import sena_relacionamiento_pytest as plugin
from sena_relacionamiento import DatosSeguimiento, Informe, Periodo

RAIZ = Path(__file__).resolve().parent.parent


def test_pyproject_declara_el_punto_de_entrada_pytest11() -> None:
    proyecto = tomllib.loads((RAIZ / "pyproject.toml").read_text("utf-8"))
    puntos = proyecto["project"]["entry-points"]["pytest11"]
    assert puntos == {"sena_relacionamiento": "sena_relacionamiento_pytest"}
    assert importlib.reload(plugin).__all__ == [
        "sena_constructores",
        "sena_datos_ejemplo",
        "sena_informe_ejemplo",
    ]


def test_el_complemento_no_importa_el_paquete_al_cargarse() -> None:
    codigo = (
        "import sys, sena_relacionamiento_pytest\n"
        "print(any(m.startswith('sena_relacionamiento.') or m == 'sena_relacionamiento'"
        " for m in sys.modules))\n"
    )
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, check=True
    )
    assert salida.stdout.strip() == "False"


def test_fixture_datos_e_informe_de_ejemplo(
    sena_datos_ejemplo: DatosSeguimiento, sena_informe_ejemplo: Informe
) -> None:
    assert len(sena_datos_ejemplo.gestores) == 12
    assert sena_informe_ejemplo.periodo == Periodo(2012, 3)
    assert sena_informe_ejemplo.nacional.ec.denominador == 76


def test_fixture_constructores(sena_constructores: SimpleNamespace) -> None:
    assert sena_constructores.un_gestor(id="g7").id == "g7"
    datos = sena_constructores.un_conjunto_de_datos(regionales=("Meta",), semilla=2)
    assert len(datos.gestores) == 2
    assert not hasattr(sena_constructores, "PERIODO")
