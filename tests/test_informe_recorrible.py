"""Un informe que se recorre (issue 17): el CSV para Excel, el índice y las anclas del HTML, la
portada y la impresión del XLSX, los filtros ``--regional`` y ``--gestor`` y la serie en XLSX
y HTML con sus gráficos de evolución."""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import pytest

from sena_relacionamiento import (
    DatoInvalido,
    DatosSeguimiento,
    Gestor,
    Periodo,
    RegionalDesconocida,
    informe,
    serie,
)
from sena_relacionamiento.cli import main
from sena_relacionamiento.errores import DependenciaFaltante
from sena_relacionamiento.indicadores.resultado import Indicador
from sena_relacionamiento.informe import Informe
from sena_relacionamiento.io import datos_de_ejemplo
from sena_relacionamiento.io.escritores import informe_csv_excel, informe_xlsx
from sena_relacionamiento.io.filtros import filtrar, filtrar_serie
from sena_relacionamiento.io.pagina_html import pagina_html
from sena_relacionamiento.io.serie_escritores import serie_csv_excel
from sena_relacionamiento.io.serie_graficos import grafico_evolucion, serie_html, serie_xlsx
from sena_relacionamiento.serie import Serie

openpyxl = pytest.importorskip("openpyxl")

MARZO = Periodo(2012, 3)


@pytest.fixture(scope="module")
def marzo() -> Informe:
    return informe(datos_de_ejemplo(), MARZO)


@pytest.fixture(scope="module")
def semestre() -> Serie:
    return serie(datos_de_ejemplo(), Periodo(2012, 1), Periodo(2012, 6))


def _correr(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    codigo = main(list(argv))
    salida = capsys.readouterr()
    return codigo, salida.out, salida.err


# --- CSV para Excel ---


def test_csv_excel_se_abre_en_columnas_en_excel_en_espanol(marzo: Informe) -> None:
    contenido = informe_csv_excel(marzo)
    assert contenido.startswith("\ufeffÁmbito;Clave;Nombre;Indicador;")
    assert "\r\n" in contenido
    filas = list(csv.reader(io.StringIO(contenido[1:]), delimiter=";"))
    assert all(len(f) == len(filas[0]) for f in filas)
    ec = next(f for f in filas if f[:4] == ["Nacional", "CO", "Colombia", "EC"])
    assert ec[5:] == [
        "26/12/2011",
        "25/03/2012",
        "85,5 %",
        "90,0 %",
        "65",
        "76",
        "No cumple",
        "Verde",
        "95,0 %",
    ]
    assert len(filas) == 1 + len(list(marzo.tableros)) * len(Indicador)
    nombres = {(f[0], f[1]): f[2] for f in filas[1:]}
    assert nombres["Regional", "41"] == "Huila"  # el nombre, sin el código repetido
    assert nombres["Gestor", "hui-01"] == "hui-01"  # sin nombre en los datos: el id


def test_csv_excel_neutraliza_formulas() -> None:
    gestor = Gestor(id="=1+1", rol="Empresarial", regional="Huila")
    inf = informe(DatosSeguimiento(gestores=[gestor], asignaciones=()), MARZO)
    filas = list(csv.reader(io.StringIO(informe_csv_excel(inf)[1:]), delimiter=";"))
    assert {f[1] for f in filas if f[0] == "Gestor"} == {"'=1+1"}


def test_serie_csv_excel_lleva_el_periodo(semestre: Serie) -> None:
    contenido = serie_csv_excel(semestre)
    assert contenido.startswith("\ufeffPeriodo;Ámbito;")
    lineas = contenido.splitlines()
    assert lineas[1].startswith("2012-01;Nacional;CO;Colombia;SISMEG formados;")
    assert lineas[-1].startswith("2012-06;Gestor;")


# --- HTML que se recorre ---


def test_html_indice_con_las_33_regionales_y_anclas(marzo: Informe) -> None:
    pagina = pagina_html(marzo)
    indice = pagina.split('id="indice"')[1].split("</nav>")[0]
    assert indice.count('<span class="luces">') == 1 + 33
    assert indice.count("sin datos") == 28
    enlaces = set(re.findall(r'href="#([^"]+)"', pagina))
    anclas = set(re.findall(r'\bid="([^"]+)"', pagina))
    assert enlaces <= anclas
    assert {"nacional", "roles", "rol-estrategico", "regional-41", "excluidos"} <= anclas
    # Los gestores de Huila, bajo Huila.
    huila = pagina.split('id="regional-41"')[1].split("</section>")[0]
    assert "Gestor: hui-01" in huila
    assert "Gestor: bog-01" not in huila
    assert "break-after:avoid" in pagina  # impresión: el título con su tabla


def test_html_una_regional_sin_datos_pero_con_gestores_se_muestra() -> None:
    gestor = Gestor(id="g1", rol="Empresarial", regional="Huila")
    inf = informe(DatosSeguimiento(gestores=[gestor], asignaciones=()), MARZO)
    pagina = pagina_html(inf)
    assert 'id="regional-41"' in pagina
    assert 'href="#regional-41"' in pagina
    assert "Regionales sin datos en el periodo (no se muestran): 32." in pagina


# --- XLSX: portada e impresión ---


def test_xlsx_portada_e_impresion(marzo: Informe) -> None:
    libro = openpyxl.load_workbook(io.BytesIO(informe_xlsx(marzo)))
    assert libro.sheetnames[0] == "Portada"
    assert str(libro["Portada"]["A1"].value).startswith("Informe de la Circular 109 de 2012")
    for hoja in libro.worksheets:
        assert hoja.page_setup.orientation == "landscape"
        assert (hoja.page_setup.fitToWidth, hoja.page_setup.fitToHeight) == (1, 0)
        assert hoja.sheet_properties.pageSetUpPr.fitToPage
        if hoja.title != "Portada":
            assert hoja.print_title_rows == "$1:$1"


# --- Filtros ---


def test_filtrar_por_regional_y_por_gestor(marzo: Informe) -> None:
    huila = filtrar(marzo, regional="41")
    assert list(huila.regionales) == ["41"]
    assert list(huila.gestores) == ["hui-01", "hui-02"]
    assert huila.nacional == marzo.nacional  # la nación queda como referencia
    assert huila.excluidos == marzo.excluidos
    uno = filtrar(marzo, gestor=" bog-01 ")
    assert (list(uno.regionales), list(uno.gestores)) == (["11"], ["bog-01"])
    assert filtrar(marzo, regional="Distrito Capital", gestor="bog-01") == uno
    assert filtrar(marzo) is marzo


@pytest.mark.parametrize(
    ("filtro", "mensaje"),
    [
        ({"regional": "Vaupés"}, "no tiene gestores ni datos; tienen datos: Antioquia"),
        ({"gestor": "hui-1"}, r"¿quiso decir hui-01 o hui-02\?"),
        ({"gestor": "zzzzzz"}, "hay, por ejemplo: ant-01"),
        ({"regional": "Huila", "gestor": "bog-01"}, "es de la regional Distrito Capital"),
    ],
)
def test_un_filtro_que_no_encuentra_nada_sugiere(
    marzo: Informe, filtro: dict[str, str], mensaje: str
) -> None:
    with pytest.raises(DatoInvalido, match=mensaje):
        filtrar(marzo, **filtro)


def test_filtro_sin_datos_ni_gestores_en_ninguna_parte() -> None:
    inf = informe(DatosSeguimiento(gestores=(), asignaciones=()), MARZO)
    with pytest.raises(DatoInvalido, match="tienen datos: ninguna"):
        filtrar(inf, regional="Huila")
    with pytest.raises(DatoInvalido, match="no hay un gestor con ese id en los datos"):
        filtrar(inf, gestor="g1")
    with pytest.raises(RegionalDesconocida):
        filtrar(inf, regional="Huilla")


def test_filtrar_la_serie(semestre: Serie) -> None:
    s = filtrar_serie(semestre, regional="Huila")
    assert len(s) == len(semestre)
    assert all(list(inf.regionales) == ["41"] for inf in s)
    assert filtrar_serie(semestre) is semestre
    with pytest.raises(DatoInvalido):
        filtrar_serie(semestre, gestor="nadie")


def test_cli_filtros(capsys: pytest.CaptureFixture[str]) -> None:
    codigo, salida, _ = _correr(capsys, "informe", "--regional", "Huila")
    assert codigo == 0
    assert "Regional: Huila (41)" in salida
    assert "Regional: Cesar" not in salida
    assert "Gestor: hui-01" in salida
    assert "Gestor: bog-01" not in salida
    codigo, _, error = _correr(capsys, "informe", "--gestor", "hui-1")
    assert codigo == 2
    assert "¿quiso decir hui-01 o hui-02?" in error
    codigo, salida, _ = _correr(
        capsys, "serie", "--desde", "2012-01", "--hasta", "2012-02", "--gestor", "bog-01"
    )
    assert codigo == 0
    assert "Gestor: bog-01" in salida
    assert "Gestor: bog-02" not in salida


def test_cli_formatos_nuevos(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    codigo, salida, _ = _correr(capsys, "informe", "--formato", "csv-excel")
    assert codigo == 0
    assert salida.startswith("\ufeffÁmbito;")
    codigo, _, error = _correr(
        capsys, "serie", "--desde", "2012-01", "--hasta", "2012-02", "--formato", "xlsx"
    )
    assert codigo == 2
    assert "necesita --salida" in error
    libro = tmp_path / "serie.xlsx"
    codigo, _, _ = _correr(
        capsys,
        "serie",
        *("--desde", "2012-01", "--hasta", "2012-02", "--formato", "xlsx"),
        *("--salida", str(libro)),
    )
    assert codigo == 0
    assert libro.read_bytes().startswith(b"PK")


# --- La serie en XLSX y HTML ---


def test_serie_xlsx_una_hoja_por_indicador(semestre: Serie) -> None:
    libro = openpyxl.load_workbook(io.BytesIO(serie_xlsx(semestre)))
    assert libro.sheetnames == [
        "Portada",
        *("SISMEG formados", "SISMEG empleos", "EC", "EP", "EG", "AF", "CV", "EM", "PE"),
        "Excluidos por periodo",
    ]
    ec = libro["EC"]
    assert [c.value for c in ec[1]] == [
        "Ámbito",
        "Clave",
        "Nombre",
        "Meta",
        *(f"2012-0{m}" for m in range(1, 7)),
    ]
    nacion = [c.value for c in ec[2]]
    assert nacion[:4] == ["Nacional", "CO", "Colombia", pytest.approx(0.9)]
    assert nacion[6] == pytest.approx(0.855)  # marzo, recortado (R32)
    assert ec["G2"].number_format == '#,##0.0" "%'
    assert ec.max_row == 1 + len(list(semestre.informes[-1].tableros))
    assert ec.page_setup.orientation == "landscape"
    assert libro["Excluidos por periodo"].max_row > 1
    assert serie_xlsx(semestre) == serie_xlsx(semestre)  # reproducible


def test_serie_xlsx_sin_openpyxl(semestre: Serie, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(DependenciaFaltante):
        serie_xlsx(semestre)


def test_serie_html_un_grafico_por_indicador_y_ambito(semestre: Serie) -> None:
    pagina = serie_html(semestre)
    assert pagina.startswith("<!DOCTYPE html>")
    assert "<script" not in pagina
    assert "src=" not in pagina
    ambitos = 1 + 2 + 5  # la nación, los roles y las regionales con datos
    assert pagina.count("<svg") == ambitos * len(Indicador)
    assert set(re.findall(r'href="#([^"]+)"', pagina)) <= set(re.findall(r'id="([^"]+)"', pagina))
    nacion = pagina.split('id="nacional"')[1].split("</section>")[0]
    cv = nacion.split("<strong>CV · ")[1].split("</figure>")[0]
    assert cv.count("<polyline") == 3  # valor, meta y esperado
    assert "<title>mar: 30</title>" in cv  # la cifra de cada mes, como en el texto


def test_grafico_de_un_solo_mes_y_sin_datos() -> None:
    svg = grafico_evolucion("x", ["mar"], [(None, "—")], [None], [None], porcentual=False)
    assert svg.startswith("<svg")
    assert "<circle" not in svg
    assert "<polyline" not in svg
    svg = grafico_evolucion("x", ["mar"], [(0.5, "50,0 %")], [0.9], [0.9], porcentual=True)
    assert svg.count("<polyline") == 3
    assert "<circle" in svg
