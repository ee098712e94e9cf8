"""Pruebas de la API pública: `__all__` estático y completo, nombres de API.md, enumeraciones
con nombres ASCII y etiqueta, y una importación liviana (sin pandas, polars, narwhals,
openpyxl ni holidays)."""

from __future__ import annotations

import ast
import enum
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import sena_relacionamiento

# API.md: todas sus secciones (errores, catálogo y parámetros, segmentación y relacionamiento,
# periodos, registros, indicadores e informe, acceso).
NOMBRES_DE_API_MD = [
    "ErrorSena",
    "DatoInvalido",
    "RegionalDesconocida",
    "RegistroInconsistente",
    "SinDestino",
    "AccesoDenegado",
    "Regional",
    "REGIONALES",
    "parsear_pesos",
    "regional",
    "Parametros",
    "PARAMETROS_2012",
    "SegmentoRegional",
    "segmento_regional",
    "TipoEmpresa",
    "tipo_empresa",
    "SegmentoEmpresa",
    "Tema",
    "Canal",
    "Alcance",
    "relacionamiento",
    "Relacionamiento",
    "enrutar_solicitud",
    "Destino",
    "TipoDestino",
    "Periodo",
    "Trimestre",
    "Vigencia",
    "Rol",
    "Gestor",
    "Asignacion",
    "TipoContacto",
    "MedioContacto",
    "Contacto",
    "ServicioUsado",
    "Solicitud",
    "Ambiente",
    "ContratoAprendizaje",
    "EmpresaCuota",
    "Evento",
    "LogroSismeg",
    "DatosSeguimiento",
    "Indicador",
    "Estado",
    "Semaforo",
    "Resultado",
    "informe",
    "Informe",
    "Tablero",
    "RolUsuario",
    "Usuario",
    "Accion",
    "puede",
    "exigir",
    "CarpetaCompartida",
    # Segunda ronda (issue 17).
    "serie",
    "Serie",
    # Segunda ronda (R30).
    "cargar_parametros",
]

PESADOS = ["pandas", "polars", "narwhals", "openpyxl", "holidays", "hypothesis", "duckdb"]


def _all_estatico() -> list[str]:
    """El `__all__` tal como está escrito en `__init__.py` (un literal, no calculado)."""
    fuente = Path(inspect.getfile(sena_relacionamiento)).read_text(encoding="utf-8")
    for nodo in ast.parse(fuente).body:
        if isinstance(nodo, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in nodo.targets
        ):
            valor = ast.literal_eval(nodo.value)
            assert isinstance(valor, list)
            return valor
    pytest.fail("__init__.py no define __all__ con una asignación literal")


def test_all_es_una_lista_estatica_de_str_sin_repetidos() -> None:
    estatico = _all_estatico()
    assert estatico == list(sena_relacionamiento.__all__)
    assert all(isinstance(nombre, str) for nombre in estatico)
    assert len(estatico) == len(set(estatico))


@pytest.mark.parametrize("nombre", sena_relacionamiento.__all__)
def test_cada_nombre_de_all_se_importa_desde_la_raiz(nombre: str) -> None:
    espacio: dict[str, object] = {}
    exec(f"from sena_relacionamiento import {nombre}", espacio)
    assert espacio[nombre] is getattr(sena_relacionamiento, nombre)


@pytest.mark.parametrize("nombre", NOMBRES_DE_API_MD)
def test_los_nombres_de_api_md_estan_en_all(nombre: str) -> None:
    assert nombre in sena_relacionamiento.__all__
    assert hasattr(sena_relacionamiento, nombre)


def _enumeraciones_exportadas() -> list[type[enum.Enum]]:
    return [
        objeto
        for nombre in sena_relacionamiento.__all__
        if isinstance(objeto := getattr(sena_relacionamiento, nombre), type)
        and issubclass(objeto, enum.Enum)
    ]


def test_se_exportan_enumeraciones() -> None:
    enumeraciones = _enumeraciones_exportadas()
    assert sena_relacionamiento.SegmentoRegional in enumeraciones
    assert sena_relacionamiento.TipoEmpresa in enumeraciones


@pytest.mark.parametrize("enumeracion", _enumeraciones_exportadas(), ids=lambda e: e.__name__)
def test_cada_enumeracion_tiene_nombres_ascii_y_etiqueta(enumeracion: type[enum.Enum]) -> None:
    for miembro in enumeracion:
        assert miembro.name.isascii(), miembro
        assert miembro.name.isidentifier(), miembro
        etiqueta = getattr(miembro, "etiqueta", None)
        assert isinstance(etiqueta, str), miembro
        assert etiqueta.strip(), miembro


def test_version() -> None:
    # Un solo lugar: la versión de pyproject.toml, leída de los metadatos instalados.
    import tomllib

    pyproject = Path(__file__).parent.parent / "pyproject.toml"
    declarada = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    assert sena_relacionamiento.__version__ == declarada
    fuente = Path(sena_relacionamiento.__file__).read_text(encoding="utf-8")
    assert declarada not in fuente


def test_importar_el_paquete_no_importa_dependencias_pesadas() -> None:
    codigo = (
        "import sys, sena_relacionamiento\n"
        "print(sena_relacionamiento.__file__)\n"
        f"print(','.join(m for m in {PESADOS!r} if m in sys.modules))\n"
    )
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, check=True
    )
    archivo, cargados = [*salida.stdout.splitlines(), ""][:2]
    assert Path(archivo) == Path(inspect.getfile(sena_relacionamiento))
    assert cargados == ""
