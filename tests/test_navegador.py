"""Las páginas HTML vistas en un navegador de verdad (issue 17): Chromium sin pantalla abre la
página del informe y la de la serie, toma una captura, vuelca el DOM ya cargado (cada enlace
``#x`` del índice tiene su ``id="x"``) y no escribe ningún mensaje de consola.

Chromium es el paquete de Debian (``scripts/instalar_chromium.sh``); donde no está, las
pruebas se saltan con esa razón. Los mensajes de consola se leen del registro de Chromium
(``--enable-logging=stderr``: cada uno es una línea ``CONSOLE``); una página de control con un
``console.error`` comprueba que el método los ve.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from sena_relacionamiento import Periodo, informe, serie
from sena_relacionamiento.io import datos_de_ejemplo
from sena_relacionamiento.io.pagina_html import pagina_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium no está instalado (Debian: scripts/instalar_chromium.sh)",
)

_OPCIONES = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
)


def _chromium(pagina: Path, perfil: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, *_OPCIONES, f"--user-data-dir={perfil}", *extra, pagina.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def _consola(registro: str) -> list[str]:
    """Los mensajes de consola de la página en el registro de Chromium."""
    return [linea for linea in registro.splitlines() if ":CONSOLE" in linea]


def _ver(pagina: Path, carpeta: Path) -> tuple[str, list[str], Path]:
    """El DOM ya cargado, los mensajes de consola y la captura de `pagina`."""
    dom = _chromium(pagina, carpeta / "perfil-dom", "--dump-dom")
    captura = carpeta / f"{pagina.stem}.png"
    foto = _chromium(
        pagina, carpeta / "perfil-foto", f"--screenshot={captura}", "--window-size=1280,2400"
    )
    return dom.stdout, _consola(dom.stderr) + _consola(foto.stderr), captura


def _dimensiones_png(ruta: Path) -> tuple[int, int]:
    cabeza = ruta.read_bytes()[:24]
    assert cabeza[:8] == b"\x89PNG\r\n\x1a\n", "la captura no es un PNG"
    ancho, alto = struct.unpack(">II", cabeza[16:24])
    return ancho, alto


def _comprobar(html: str, carpeta: Path, nombre: str) -> str:
    pagina = carpeta / f"{nombre}.html"
    pagina.write_text(html, encoding="utf-8")
    dom, consola, captura = _ver(pagina, carpeta)
    assert consola == []
    assert _dimensiones_png(captura) == (1280, 2400)
    assert captura.stat().st_size > 20_000  # algo dibujado, no una página en blanco
    enlaces = set(re.findall(r'href="#([^"]+)"', dom))
    anclas = set(re.findall(r'\bid="([^"]+)"', dom))
    assert enlaces, "la página no tiene índice"
    assert enlaces <= anclas, sorted(enlaces - anclas)
    return dom


@pytest.fixture(scope="module")
def carpeta(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("navegador")


def test_el_metodo_ve_los_errores_de_consola(carpeta: Path) -> None:
    pagina = carpeta / "control.html"
    pagina.write_text(
        "<!DOCTYPE html><title>control</title><script>console.error('falla-de-control');</script>",
        encoding="utf-8",
    )
    _, consola, _ = _ver(pagina, carpeta)
    assert any("falla-de-control" in linea for linea in consola)


def test_la_pagina_del_informe_en_chromium(carpeta: Path) -> None:
    inf = informe(datos_de_ejemplo(), Periodo(2012, 3))
    dom = _comprobar(pagina_html(inf), carpeta, "informe")
    assert 'href="#regional-11"' in dom  # el índice lleva a Distrito Capital
    assert 'id="gestor-1"' in dom  # los gestores, bajo su regional
    assert "<svg" in dom


def test_la_pagina_de_la_serie_en_chromium(carpeta: Path) -> None:
    from sena_relacionamiento.io.serie_escritores import serie_html

    s = serie(datos_de_ejemplo(), Periodo(2012, 1), Periodo(2012, 6))
    dom = _comprobar(serie_html(s), carpeta, "serie")
    assert dom.count("<svg") >= 9  # un gráfico por indicador, al menos los de la nación
