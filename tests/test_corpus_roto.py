"""El corpus de entradas rotas, por la línea de comandos (issue 12).

Dos fuentes: las carpetas fijas de ``tests/corpus_roto/`` (``esperado.txt`` con las partes del
mensaje y, si no es 3, ``codigo.txt`` con el código de salida) y los casos armados de
``tests/_corpus.py``. Cada caso corre `main` con sus argumentos y debe terminar con su código,
con esas partes en la salida y sin traza ni representaciones de Python.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from _corpus import CASOS, Caso

from sena_relacionamiento.cli import main

CORPUS = Path(__file__).parent / "corpus_roto"
CASOS_FIJOS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
# Nada de esto debe llegar nunca a un mensaje para personas.
PROHIBIDOS = ("Traceback", "datetime.", "Decimal(", "\\x00", "Errno", "No such file")


def _comprobar(codigo: int, texto: str, esperado: int, presentes: tuple[str, ...]) -> None:
    assert codigo == esperado, texto
    for parte in presentes:
        assert parte in texto
    for parte in PROHIBIDOS:
        assert parte not in texto


@pytest.mark.parametrize("caso", CASOS_FIJOS)
def test_cada_carpeta_rota_por_la_linea_de_comandos(
    capsys: pytest.CaptureFixture[str], caso: str
) -> None:
    carpeta = CORPUS / caso
    partes = tuple((carpeta / "esperado.txt").read_text(encoding="utf-8").splitlines())
    archivo_codigo = carpeta / "codigo.txt"
    esperado = int(archivo_codigo.read_text()) if archivo_codigo.exists() else 3
    codigo = main(["informe", "--datos", str(carpeta)])
    salida = capsys.readouterr()
    assert salida.out == ""
    assert salida.err.startswith("sena-relacionamiento: error: ")
    _comprobar(codigo, salida.err, esperado, partes)


@pytest.mark.parametrize("caso", CASOS, ids=[c.nombre for c in CASOS])
def test_cada_caso_armado_por_la_linea_de_comandos(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caso: Caso,
) -> None:
    argv = caso.armar(tmp_path)
    if caso.terminal is None:
        codigo = main(argv)
        salida = capsys.readouterr()
        texto = salida.out + salida.err
    else:
        # Una terminal que no es UTF-8 (PYTHONIOENCODING=ascii o latin-1).
        out = io.TextIOWrapper(io.BytesIO(), encoding=caso.terminal)
        err = io.TextIOWrapper(io.BytesIO(), encoding=caso.terminal, errors="backslashreplace")
        monkeypatch.setattr(sys, "stdout", out)
        monkeypatch.setattr(sys, "stderr", err)
        codigo = main(argv)
        texto = ""
        for flujo in (out, err):
            flujo.flush()
            texto += flujo.buffer.getvalue().decode(caso.terminal)
        assert "\\x" not in texto
        assert (out.errors, err.errors) == ("strict", "backslashreplace")  # se restauran
    _comprobar(codigo, texto, caso.codigo, caso.presentes)
    for parte in caso.ausentes:
        assert parte not in texto
    if caso.despues is not None:
        caso.despues(tmp_path)


def test_los_casos_fijos_cubren_el_issue_12() -> None:
    assert {
        "carpeta_con_nombre_de_registro", "extension_txt", "extension_csv_txt", "extension_tsv",
        "libro_excel_danado", "libro_excel_con_nombre_csv", "utf16_sin_bom",
        "varios_archivos_malos", "entero_enorme", "nit_enorme", "gestion_antes_de_recepcion",
    } <= set(CASOS_FIJOS)  # fmt: skip
