"""Los pisos del paquete (docs/garantias.md, «Los datos fluyen en un solo sentido»): una
importación nunca sube de piso y el núcleo no importa los bordes al cargarse.

Se lee el código con `ast`, sin importarlo. Las importaciones dentro de una función (que se hacen
al llamarla, no al cargar el módulo) solo pueden subir en los casos de `PEREZOSAS`: las vistas
que el API pone en los objetos del núcleo (`Informe.a_pandas`, `_repr_html_`…) y la lectura de
vigencias desde TOML que ofrece `Parametros`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[1] / "src" / "sena_relacionamiento"

# Del suelo hacia arriba; un módulo solo importa de su piso o de los de abajo.
PISOS: dict[str, int] = {
    "errores": 0,
    "_texto": 0,
    "_inmutable": 0,
    "regionales": 1,
    "dinero": 1,
    "fechas": 1,
    "enumeraciones": 1,
    "_conversores": 1,
    "parametros": 2,
    "vigencias": 3,
    "segmentacion": 3,
    "relacionamiento": 3,
    "periodos": 3,
    "registros": 4,
    "datos": 5,
    "acceso": 5,
    "enrutamiento": 5,
    "indicadores": 6,
    "informe": 7,
    "serie": 8,
}
BORDES = {"io", "cli", "_cli_datos", "_cli_serie", "__main__", "formato", "tablas", "testing"}

# (módulo que importa, módulo importado, función donde se importa): las únicas subidas.
PEREZOSAS = {
    ("informe", "io", "_repr_html_"),
    ("informe", "io", "a_pandas"),
    ("informe", "io", "a_polars"),
    ("serie", "io", "a_pandas"),
    ("serie", "io", "a_polars"),
    ("parametros", "vigencias", "desde_toml"),
    ("parametros", "vigencias", "a_toml"),
    ("relacionamiento", "enrutamiento", "__getattr__"),  # nombres de R7 mudados (aviso)
}


def _primer_nombre(modulo: str) -> str:
    return modulo.removeprefix("sena_relacionamiento.").split(".")[0]


def _modulos_del_nucleo() -> list[tuple[str, Path]]:
    modulos = []
    for ruta in sorted(RAIZ.rglob("*.py")):
        nombre = _primer_nombre(".".join(ruta.relative_to(RAIZ).with_suffix("").parts))
        if nombre in PISOS:
            modulos.append((nombre, ruta))
    return modulos


def _importaciones(arbol: ast.Module) -> list[tuple[str, str | None]]:
    """(módulo importado, función que lo importa o None si es al cargar) de cada importación
    del paquete; las de ``if TYPE_CHECKING:`` no cuentan (no se ejecutan)."""
    encontradas: list[tuple[str, str | None]] = []

    def visitar(nodo: ast.AST, funcion: str | None) -> None:
        for hijo in ast.iter_child_nodes(nodo):
            if isinstance(hijo, ast.If) and "TYPE_CHECKING" in ast.unparse(hijo.test):
                continue
            if isinstance(hijo, ast.FunctionDef | ast.AsyncFunctionDef):
                visitar(hijo, funcion or hijo.name)
                continue
            if isinstance(hijo, ast.ImportFrom) and (hijo.module or "").startswith(
                "sena_relacionamiento"
            ):
                assert hijo.module is not None
                if hijo.module == "sena_relacionamiento":
                    encontradas.extend((a.name, funcion) for a in hijo.names)
                else:
                    encontradas.append((_primer_nombre(hijo.module), funcion))
            visitar(hijo, funcion)

    visitar(arbol, None)
    return encontradas


def test_el_mapa_de_pisos_cubre_cada_modulo_del_paquete() -> None:
    primeros = {
        _primer_nombre(".".join(ruta.relative_to(RAIZ).with_suffix("").parts))
        for ruta in RAIZ.rglob("*.py")
    }
    sin_piso = primeros - set(PISOS) - BORDES - {"__init__", "datos_ejemplo"}
    assert sin_piso == set(), f"módulos sin piso en esta prueba: {sorted(sin_piso)}"


@pytest.mark.parametrize(("nombre", "ruta"), _modulos_del_nucleo(), ids=lambda v: str(v))
def test_ninguna_importacion_sube_de_piso(nombre: str, ruta: Path) -> None:
    subidas = []
    for importado, funcion in _importaciones(ast.parse(ruta.read_text(encoding="utf-8"))):
        piso = PISOS.get(importado)
        sube = importado in BORDES or importado == "datos_ejemplo"
        sube = sube or (piso is not None and piso > PISOS[nombre])
        if sube and (nombre, importado, funcion) not in PEREZOSAS:
            subidas.append((importado, funcion or "al cargar"))
    assert subidas == [], f"{ruta.name} importa de un piso más alto: {subidas}"


def test_r7_el_enrutamiento_esta_sobre_los_registros_y_la_matriz_debajo() -> None:
    # R7 usa Asignacion y Gestor; R6 (la matriz) no conoce los registros.
    relacionamiento = ast.parse((RAIZ / "relacionamiento.py").read_text(encoding="utf-8"))
    enrutamiento = ast.parse((RAIZ / "enrutamiento.py").read_text(encoding="utf-8"))
    assert "registros" not in {m for m, _ in _importaciones(relacionamiento)}
    assert ("registros", None) in _importaciones(enrutamiento)


def test_una_subida_nueva_se_detecta() -> None:
    arbol = ast.parse(
        "from sena_relacionamiento.io import x\n"
        "def f():\n    from sena_relacionamiento.informe import y\n"
        "if TYPE_CHECKING:\n    from sena_relacionamiento.tablas import z\n"
    )
    assert _importaciones(arbol) == [("io", None), ("informe", "f")]
