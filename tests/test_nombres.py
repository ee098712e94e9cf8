"""Los nombres de los gestores en las salidas (issue 16): «Nombre (id)» para personas, el objeto
`gestores` en el JSON, y las filas con las mismas claves."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]

from sena_relacionamiento import (
    Asignacion,
    Contacto,
    DatosSeguimiento,
    Gestor,
    Periodo,
    informe,
)
from sena_relacionamiento.io import leer_carpeta
from sena_relacionamiento.io.escritores import COLUMNAS, generar


def _datos() -> DatosSeguimiento:
    return DatosSeguimiento(
        gestores=[
            Gestor(id="ana", rol="Empresarial", regional="Huila", nombre="Ana Ruiz"),
            Gestor(id="beto", rol="Estratégico", regional="Huila"),
        ],
        asignaciones=[Asignacion(gestor="ana", nit="900000001")],
        contactos=[
            Contacto(
                gestor="ana", nit="900000001", fecha=date(2012, 3, 1), tipo="nuevo", medio="visita"
            )
        ],
    )


def test_nombre_e_id_en_texto_html_y_xlsx() -> None:
    inf = informe(_datos(), Periodo(2012, 3))
    for formato in ("texto", "html"):
        contenido = generar(inf, formato)
        assert isinstance(contenido, str)
        assert "Ana Ruiz (ana)" in contenido, formato
    xlsx = generar(inf, "xlsx")
    assert isinstance(xlsx, bytes)
    libro = openpyxl.load_workbook(io.BytesIO(xlsx), read_only=True)
    celdas = {
        c for hoja in libro.worksheets for fila in hoja.iter_rows(values_only=True) for c in fila
    }
    assert "Ana Ruiz (ana)" in celdas
    # Sin nombre, el id solo.
    assert "beto" in celdas
    assert not any(isinstance(c, str) and "(beto)" in c for c in celdas)


def test_json_con_gestores_y_filas_sin_cambiar_de_claves() -> None:
    inf = informe(_datos(), Periodo(2012, 3))
    documento = json.loads(generar(inf, "json"))
    assert documento["esquema"] == 2
    assert documento["gestores"] == {
        "ana": {"nombre": "Ana Ruiz", "regional": "41", "rol": "EMPRESARIAL"},
        "beto": {"nombre": None, "regional": "41", "rol": "ESTRATEGICO"},
    }
    assert all(list(fila) == list(COLUMNAS) for fila in documento["resultados"])
    assert {fila["clave"] for fila in documento["resultados"] if fila["ambito"] == "gestor"} == {
        "ana",
        "beto",
    }


def test_columna_nombre_en_gestores_csv(tmp_path: Path) -> None:
    (tmp_path / "gestores.csv").write_text(
        "id;rol;regional;nombre\nana;Empresarial;Huila;Ana  Ruiz\nbeto;Estratégico;Huila;\n",
        encoding="utf-8",
    )
    (tmp_path / "asignaciones.csv").write_text("gestor;nit\nana;900000001\n", encoding="utf-8")
    datos = leer_carpeta(tmp_path)
    assert [(g.id, g.nombre) for g in datos.gestores] == [("ana", "Ana Ruiz"), ("beto", None)]
