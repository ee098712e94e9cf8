"""Pruebas de cómo se reconoce un informe de la herramienta y de cuándo ``--salida`` puede
escribir (io/_archivos.py, issue 12, ítem 3)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sena_relacionamiento import Periodo, informe, serie
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.io import datos_de_ejemplo, generar
from sena_relacionamiento.io._archivos import comprobar_salida, escrito_por_la_herramienta
from sena_relacionamiento.io.escritores import FORMATOS
from sena_relacionamiento.io.serie_escritores import FORMATOS_SERIE, generar_serie


@pytest.fixture(scope="module")
def informes() -> dict[str, str | bytes]:
    inf = informe(datos_de_ejemplo(), Periodo(2012, 3))
    return {f: generar(inf, f) for f in FORMATOS}


def test_cada_formato_de_la_serie_se_reconoce(tmp_path: Path) -> None:
    s = serie(datos_de_ejemplo(), Periodo(2012, 1), Periodo(2012, 2))
    for formato in FORMATOS_SERIE:
        contenido = generar_serie(s, formato)
        archivo = tmp_path / f"serie-{formato}"
        archivo.write_bytes(contenido.encode() if isinstance(contenido, str) else contenido)
        assert escrito_por_la_herramienta(archivo), formato


def test_cada_formato_de_la_herramienta_se_reconoce(
    tmp_path: Path, informes: dict[str, str | bytes]
) -> None:
    for formato, contenido in informes.items():
        archivo = tmp_path / formato
        datos = contenido.encode() if isinstance(contenido, str) else contenido
        archivo.write_bytes(datos)
        assert escrito_por_la_herramienta(archivo), formato
    serie = tmp_path / "serie.csv"
    serie.write_text("periodo," + str(informes["csv"]), encoding="utf-8")
    assert escrito_por_la_herramienta(serie)


@pytest.mark.parametrize(
    "contenido",
    [
        b"id;rol;regional\ng1;Empresarial;Huila\n",  # una entrada
        b"<!DOCTYPE html><title>Mi blog</title>",
        b"PK\x03\x04 roto",  # un ZIP que no abre
        b"{}",
    ],
)
def test_lo_demas_no_es_de_la_herramienta(tmp_path: Path, contenido: bytes) -> None:
    archivo = tmp_path / "a"
    archivo.write_bytes(contenido)
    assert not escrito_por_la_herramienta(archivo)


def test_un_zip_o_un_libro_ajeno_no_es_de_la_herramienta(tmp_path: Path) -> None:
    archivo = tmp_path / "a.xlsx"
    with zipfile.ZipFile(archivo, "w") as zf:
        zf.writestr("otro.txt", "x")
    assert not escrito_por_la_herramienta(archivo)
    with zipfile.ZipFile(archivo, "w") as zf:
        zf.writestr("xl/workbook.xml", '<sheet name="Hoja1"/>')
    assert not escrito_por_la_herramienta(archivo)


def test_lo_que_no_se_puede_leer_no_es_de_la_herramienta(tmp_path: Path) -> None:
    assert not escrito_por_la_herramienta(tmp_path / "no-existe")
    assert not escrito_por_la_herramienta(tmp_path)  # una carpeta


def test_comprobar_salida(tmp_path: Path) -> None:
    datos = tmp_path / "datos"
    datos.mkdir()
    comprobar_salida(str(tmp_path / "nuevo.json"), datos=str(datos))
    for dentro in (datos, datos / "gestores.csv", datos / "sub" / "x.csv"):
        with pytest.raises(DatoInvalido, match="dentro de la carpeta de datos") as error:
            comprobar_salida(str(dentro), datos=str(datos))
        assert error.value.valor == str(dentro)
        assert error.value.campo == "--salida"
    comprobar_salida(str(datos / "x.json"), datos=str(datos), forzar=True)
    # un enlace dentro de los datos, visto desde afuera
    (tmp_path / "enlace").symlink_to(datos)
    with pytest.raises(DatoInvalido, match="dentro de la carpeta de datos"):
        comprobar_salida(str(tmp_path / "enlace" / "a.json"), datos=str(datos))
