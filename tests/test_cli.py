"""Pruebas de la línea de comandos ``sena-relacionamiento``.

La mayoría llama a `main(argv)` en el mismo proceso (rápido, y cuenta para la cobertura);
unas pocas ejecutan la orden de verdad con ``python -m sena_relacionamiento``.
"""

from __future__ import annotations

import csv
import errno
import importlib
import importlib.util
import io
import json
import os
import re
import socket
import stat
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest

from sena_relacionamiento import Trimestre, __version__
from sena_relacionamiento.cli import (
    ERROR_AL_ESCRIBIR,
    ERROR_DE_USO,
    ERROR_EN_LOS_DATOS,
    EXITO,
    _a_la_terminal,
    _escribir,
    _traducir,
    _transliterar,
    main,
)

CORPUS = Path(__file__).parent / "corpus_roto"
CASOS_ROTOS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def _correr(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    codigo = main(list(argv))
    salida = capsys.readouterr()
    return codigo, salida.out, salida.err


def _python_m(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sena_relacionamiento", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


# --- La orden de verdad (subprocesos: pocos, cada uno cuesta) ---


def test_python_m_informe_json() -> None:
    proceso = _python_m("informe", "--formato", "json")
    assert proceso.returncode == 0, proceso.stderr
    datos = json.loads(proceso.stdout)
    assert (datos["esquema"], datos["periodo"], datos["dia_corte"]) == (2, "2012-03", 25)
    nacion = {f["indicador"]: f for f in datos["resultados"] if f["ambito"] == "nacional"}
    assert (nacion["SISMEG_FORMADOS"]["valor"], nacion["SISMEG_FORMADOS"]["meta"]) == (4300, 20000)
    assert (nacion["CV"]["valor"], nacion["CV"]["meta"], nacion["CV"]["estado"]) == (
        30,
        14200,
        "EN_CURSO",
    )


def test_python_m_entrada_rota_sale_con_3() -> None:
    proceso = _python_m("informe", "--datos", str(CORPUS / "fecha_mala"))
    assert proceso.returncode == 3
    assert proceso.stdout == ""
    assert "Traceback" not in proceso.stderr
    assert proceso.stderr.startswith("sena-relacionamiento: error: contactos.csv, línea 2: fecha:")


def test_python_m_uso_invalido() -> None:
    proceso = _python_m("informe", "--formato", "pdf")
    assert proceso.returncode == 2
    assert "opción inválida: 'pdf'" in proceso.stderr
    assert proceso.stderr.startswith("uso: sena-relacionamiento informe")


@pytest.mark.parametrize(
    ("argumentos", "linea"),
    [
        (
            ["clasificar", "--aportes", "$ 600.000.000", "--regional", "Cesar"],
            "Tipo de empresa: Tipo A: más de $ 300.000.000, el techo del tipo B en una "
            "regional mediana",
        ),
        (
            ["periodo", "25/03/2012"],
            "Periodo 2012-03 (marzo de 2012): del 26 de febrero de 2012 al 25 de marzo de 2012",
        ),
        (["regionales"], "94      Guainía             Pequeña         0        0"),
    ],
)
def test_python_m_cada_orden(argumentos: list[str], linea: str) -> None:
    proceso = _python_m(*argumentos)
    assert (proceso.returncode, proceso.stderr) == (0, "")
    assert linea in proceso.stdout.splitlines()


# --- informe ---


def test_informe_texto_por_omision(capsys: pytest.CaptureFixture[str]) -> None:
    codigo, salida, error = _correr(capsys, "informe")
    assert (codigo, error) == (0, "")
    assert salida.splitlines()[0] == "Informe de la Circular 109 de 2012 — marzo de 2012 (2012-03)"
    assert "Registros excluidos: 13" in salida


def test_informe_de_otro_periodo(capsys: pytest.CaptureFixture[str]) -> None:
    codigo, salida, _ = _correr(capsys, "informe", "--periodo", "2012-02", "--formato", "csv")
    assert codigo == 0
    filas = list(csv.DictReader(io.StringIO(salida)))
    ec = next(f for f in filas if f["ambito"] == "nacional" and f["indicador"] == "EC")
    assert (ec["fin"], ec["estado"]) == ("2012-02-25", "EN_CURSO")  # el trimestre no ha cerrado


def test_informe_html_a_la_salida_estandar(capsys: pytest.CaptureFixture[str]) -> None:
    codigo, salida, _ = _correr(capsys, "informe", "--formato", "html")
    assert codigo == 0
    assert salida.startswith("<!DOCTYPE html>")
    assert "≥" in salida  # en UTF-8, sea cual sea la terminal


def test_salida_sin_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    falsa = io.StringIO()
    monkeypatch.setattr(sys, "stdout", falsa)
    _escribir("≥ 90 %", binario=True)
    assert falsa.getvalue() == "≥ 90 %"


@pytest.mark.parametrize("formato", ["json", "csv", "html", "xlsx", "texto"])
def test_informe_a_un_archivo(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, formato: str
) -> None:
    destino = tmp_path / f"informe.{formato}"
    codigo, salida, _ = _correr(capsys, "informe", "--formato", formato, "--salida", str(destino))
    assert codigo == 0
    assert salida == f"Informe 2012-03 en formato {formato} escrito en {destino}\n"
    if formato == "xlsx":
        libro = openpyxl.load_workbook(destino)
        fila = next(
            f
            for f in libro["Regionales"].iter_rows(min_row=2, values_only=True)
            if f[0] == "20" and f[2] == "CV"
        )
        assert (fila[6], fila[7], fila[10], fila[11]) == (15, 70, "En curso", "Amarillo")
    else:
        assert destino.read_text(encoding="utf-8")


def test_informe_desde_una_carpeta(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    carpeta = tmp_path / "datos"
    carpeta.mkdir()
    (carpeta / "gestores.csv").write_text("id;rol;regional\ng1;Empresarial;Huila\n", "utf-8")
    (carpeta / "asignaciones.csv").write_text("gestor;nit\ng1;900123456\n", "utf-8")
    (carpeta / "contactos.csv").write_text(
        "gestor;nit;fecha;tipo;medio\ng1;900.123.456-8;01/03/2012;Nuevo;Visita\n", "utf-8"
    )
    codigo, salida, _ = _correr(capsys, "informe", "--datos", str(carpeta), "--formato", "json")
    assert codigo == 0
    datos = json.loads(salida)
    ec = next(f for f in datos["resultados"] if f["clave"] == "g1" and f["indicador"] == "EC")
    assert (ec["valor"], ec["estado"]) == ("1", "CUMPLE")


class _Terminal(io.StringIO):
    """Una salida de errores que dice ser una terminal."""

    def isatty(self) -> bool:
        return True


def _ejemplo_en(tmp_path: Path) -> Path:
    from sena_relacionamiento.datos_ejemplo import carpeta_de_ejemplo

    carpeta = tmp_path / "datos"
    carpeta.mkdir()
    for entrada in carpeta_de_ejemplo().iterdir():
        if entrada.name.endswith(".csv"):
            (carpeta / entrada.name).write_bytes(entrada.read_bytes())
    return carpeta


@pytest.mark.parametrize("silencioso", [False, True])
def test_progreso_una_linea_por_archivo_solo_en_una_terminal(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    silencioso: bool,
) -> None:
    carpeta = _ejemplo_en(tmp_path)
    argv = ["informe", "--datos", str(carpeta), "--formato", "json"]
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(argv + (["--silencioso"] if silencioso else [])) == EXITO
    contactos = len((carpeta / "contactos.csv").read_text("utf-8").splitlines()) - 1
    if silencioso:
        assert terminal.getvalue() == ""
    else:
        lineas = terminal.getvalue().splitlines()
        assert len(lineas) == len(list(carpeta.iterdir()))
        assert f"sena-relacionamiento: contactos.csv: {contactos} registros leídos" in lineas
    monkeypatch.undo()
    # Sin terminal (un archivo, una tubería), nada.
    codigo, _, error = _correr(capsys, *argv)
    assert (codigo, error) == (EXITO, "")


def test_detalle_dice_el_motor(capsys: pytest.CaptureFixture[str]) -> None:
    codigo, salida, error = _correr(capsys, "informe", "-v", "--formato", "json")
    assert codigo == EXITO
    assert error.startswith("sena-relacionamiento: motor: puro (registros en Python)")
    assert json.loads(salida)["periodo"] == "2012-03"


def test_xlsx_necesita_salida(capsys: pytest.CaptureFixture[str]) -> None:
    codigo, salida, error = _correr(capsys, "informe", "--formato", "xlsx")
    assert (codigo, salida) == (2, "")
    assert error == "sena-relacionamiento: error: el formato xlsx necesita --salida ARCHIVO\n"


@pytest.mark.parametrize(
    ("periodo", "mensaje"),
    [("2012-3", "--periodo: se esperaba AAAA-MM"), ("2013-01", "la vigencia 2012")],
)
def test_periodo_invalido(capsys: pytest.CaptureFixture[str], periodo: str, mensaje: str) -> None:
    codigo, _, error = _correr(capsys, "informe", "--periodo", periodo)
    assert codigo == 2
    assert mensaje in error


def test_salida_en_una_carpeta_que_no_existe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pedida = str(tmp_path / "no" / "a.json")
    codigo, _, error = _correr(capsys, "informe", "--formato", "json", "--salida", pedida)
    assert codigo == ERROR_DE_USO
    assert error == (
        "sena-relacionamiento: error: --salida: la carpeta donde escribirlo no existe "
        f"(se recibió {pedida!r})\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("caso", CASOS_ROTOS)
def test_cada_entrada_rota_es_una_sola_linea(capsys: pytest.CaptureFixture[str], caso: str) -> None:
    codigo, salida, error = _correr(capsys, "informe", "--datos", str(CORPUS / caso))
    assert (codigo, salida) == (ERROR_EN_LOS_DATOS, "")
    varios = (CORPUS / caso / "esperado.txt").read_text(encoding="utf-8").count(" errores")
    assert error.count("\n") == 1 or varios  # una sola línea por error, sin traza


def test_los_codigos_de_salida_son_distintos() -> None:
    assert len({EXITO, ERROR_DE_USO, ERROR_EN_LOS_DATOS, ERROR_AL_ESCRIBIR}) == 4
    assert (EXITO, ERROR_DE_USO) == (0, 2)  # 2: el de argparse, como siempre


@pytest.mark.parametrize("carpeta", ["no-existe", "archivo.txt"])
def test_datos_que_no_es_una_carpeta_es_un_error_de_uso(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    carpeta: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "archivo.txt").write_text("x", encoding="utf-8")
    codigo, _, error = _correr(capsys, "informe", "--datos", carpeta)
    assert codigo == ERROR_DE_USO
    esperado = "la carpeta o el libro no existe" if carpeta == "no-existe" else "no es una carpeta"
    assert f"--datos: {esperado}" in error


def test_salida_propia_se_reemplaza_sin_forzar(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for formato in ("texto", "json", "csv", "html", "xlsx"):
        destino = tmp_path / f"informe.{formato}"
        for _ in range(2):  # la segunda vez el archivo ya existe y es de la herramienta
            codigo, _, error = _correr(
                capsys, "informe", "--formato", formato, "--salida", str(destino)
            )
            assert (codigo, error) == (EXITO, "")


def test_salida_vacia_o_dispositivo_se_escribe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    vacio = tmp_path / "vacio.json"
    vacio.touch()
    codigo, _, _ = _correr(capsys, "informe", "--formato", "json", "--salida", str(vacio))
    assert codigo == EXITO
    assert vacio.read_text(encoding="utf-8").startswith("{")
    fifo = tmp_path / "tubo"
    os.mkfifo(fifo)
    recibido: list[bytes] = []
    lector = threading.Thread(target=lambda: recibido.append(fifo.read_bytes()), daemon=True)
    lector.start()
    codigo, _, _ = _correr(capsys, "informe", "--formato", "csv", "--salida", str(fifo))
    lector.join(timeout=30)
    assert codigo == EXITO
    assert recibido[0].startswith(b"ambito,clave,indicador")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_salida_dentro_de_datos_con_forzar(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    carpeta = tmp_path / "datos"
    carpeta.mkdir()
    (carpeta / "gestores.csv").write_text("id;rol;regional\ng1;Empresarial;Huila\n", "utf-8")
    destino = carpeta / "informe.json"
    argv = ["informe", "--datos", str(carpeta), "--formato", "json", "--salida", str(destino)]
    codigo, _, error = _correr(capsys, *argv)
    assert codigo == ERROR_DE_USO
    assert "dentro de la carpeta de datos" in error
    assert not destino.exists()
    codigo, _, _ = _correr(capsys, *argv, "--forzar")
    assert codigo == EXITO
    assert destino.exists()


def test_salida_que_no_es_archivo_regular(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    enchufe = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as servidor:
        servidor.bind(str(enchufe))
        codigo, _, error = _correr(capsys, "informe", "--salida", str(enchufe))
    assert codigo == ERROR_DE_USO
    assert "no es un archivo regular" in error


def test_salida_que_no_se_puede_consultar(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def falla(*args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "stat", falla)
    codigo, _, error = _correr(capsys, "informe", "--salida", str(tmp_path / "a.txt"))
    assert codigo == ERROR_DE_USO
    assert "--salida: no se puede usar: no hay permiso" in error


def test_el_sistema_no_deja_escribir_sale_con_4(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def sin_espacio(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / ".x.tmp"))

    monkeypatch.setattr(os, "replace", sin_espacio)
    pedida = str(tmp_path / "informe.json")
    codigo, salida, error = _correr(capsys, "informe", "--formato", "json", "--salida", pedida)
    assert (codigo, salida) == (ERROR_AL_ESCRIBIR, "")
    assert error == (
        f"sena-relacionamiento: error: --salida: no se pudo escribir {pedida!r}: "
        "no queda espacio en el disco\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_la_salida_estandar_cerrada_sale_con_4(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Rota(io.StringIO):
        def write(self, texto: str) -> int:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Rota())
    assert main(["regionales"]) == ERROR_AL_ESCRIBIR
    assert "no se pudo usar: error del sistema EPIPE" in capsys.readouterr().err


def test_un_archivo_de_datos_que_no_se_puede_leer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    carpeta = tmp_path / "datos"
    carpeta.mkdir()
    (carpeta / "gestores.csv").write_text("id;rol;regional\n", "utf-8")

    def sin_permiso(self: Path) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", sin_permiso)
    codigo, _, error = _correr(capsys, "informe", "--datos", str(carpeta))
    assert codigo == ERROR_EN_LOS_DATOS
    assert "no se pudo leer: no hay permiso (se recibió 'gestores.csv')" in error


def test_una_carpeta_de_datos_que_no_se_puede_listar(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def sin_permiso(self: Path) -> object:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", sin_permiso)
    codigo, _, error = _correr(capsys, "informe", "--datos", str(tmp_path))
    assert codigo == ERROR_EN_LOS_DATOS
    assert "datos: no se pudo leer la carpeta: no hay permiso" in error


# --- clasificar ---


@pytest.mark.parametrize(
    ("aportes", "regional", "esperado"),
    [
        (
            "$ 500.000.000",
            "Bogotá D.C.",
            "Tipo de empresa: Tipo B: más de $ 100.000.000 y "
            "hasta $ 500.000.000 en una regional grande",
        ),
        (
            "500000000",
            "41",
            "Tipo de empresa: Tipo A: más de $ 300.000.000, el techo del "
            "tipo B en una regional mediana",
        ),
        (
            "100.000.000",
            "guainia",
            "Tipo de empresa: No focalizada: hasta $ 100.000.000: se atiende por demanda",
        ),
    ],
)
def test_clasificar(
    capsys: pytest.CaptureFixture[str], aportes: str, regional: str, esperado: str
) -> None:
    codigo, salida, _ = _correr(capsys, "clasificar", "--aportes", aportes, "--regional", regional)
    assert codigo == 0
    assert esperado in salida.splitlines()


def test_clasificar_marca_el_segmento_inferido_de_cesar(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, salida, _ = _correr(capsys, "clasificar", "--aportes", "1", "--regional", "Cesar")
    assert "Segmento de la regional: Mediana (inferido: la circular no la pone en su cuadro)" in (
        salida.splitlines()
    )
    assert "Relacionamiento: PYMES; Por solicitud o demanda; canal: Contact Center" in salida


@pytest.mark.parametrize(
    ("argumentos", "mensaje"),
    [
        (["--aportes", "2.50", "--regional", "Huila"], "--aportes: no es una cantidad"),
        (["--aportes", "-5", "--regional", "Huila"], "negativo"),
        (
            ["--aportes", "1", "--regional", "Boyara"],
            "--regional: no es una regional del SENA; ¿quiso decir Boyacá o Bolívar?",
        ),
        (["--aportes", "1"], "faltan los argumentos obligatorios: --regional"),
        (["--aportes"], "argumento --aportes: falta su valor"),
    ],
)
def test_clasificar_con_datos_malos(
    capsys: pytest.CaptureFixture[str], argumentos: list[str], mensaje: str
) -> None:
    codigo, _, error = _correr(capsys, "clasificar", *argumentos)
    assert codigo == 2
    assert mensaje in error


# --- periodo ---


def test_periodo_de_una_fecha(capsys: pytest.CaptureFixture[str]) -> None:
    codigo, salida, _ = _correr(capsys, "periodo", "26/03/2012")
    assert codigo == 0
    assert salida.splitlines() == [
        "Fecha: 26 de marzo de 2012 (corte día 25)",
        "Periodo 2012-04 (abril de 2012): del 26 de marzo de 2012 al 25 de abril de 2012",
        # La etiqueta del trimestre es de babel (CLDR): se toma de la biblioteca, no se fija.
        f"Trimestre 2012-T2 ({Trimestre(2012, 2).etiqueta()}): del 26 de marzo de 2012 al 25 de "
        "junio de 2012",
        "Vigencia 2012 (vigencia 2012): del 26 de diciembre de 2011 al 25 de diciembre de 2012",
        "Entrega del informe del periodo: 25 de abril de 2012",
    ]


def test_periodo_fin_de_anio_hora_y_dia_de_corte(capsys: pytest.CaptureFixture[str]) -> None:
    _, salida, _ = _correr(capsys, "periodo", "2012-12-26")
    assert "Periodo 2013-01 (enero de 2013)" in salida
    _, salida, _ = _correr(capsys, "periodo", "2012-03-26T03:00Z")  # 22:00 del 25 en Bogotá
    assert "Fecha: 25 de marzo de 2012 (corte día 25)" in salida
    _, salida, _ = _correr(capsys, "periodo", "2012-03-21", "--dia-corte", "20")
    assert (
        "Periodo 2012-04 (abril de 2012): del 21 de marzo de 2012 al 20 de abril de 2012" in salida
    )


@pytest.mark.parametrize(
    ("argumentos", "mensaje"),
    [
        (["31/02/2012"], "FECHA: no es una fecha del calendario"),
        (["ayer"], "FECHA: se esperaba una fecha"),
        (["2012-03-01", "--dia-corte", "31"], "el día de corte va de 1 a 28"),
        (["2012-03-01", "--dia-corte", "x"], "argumento --dia-corte: valor inválido: 'x'"),
    ],
)
def test_periodo_con_datos_malos(
    capsys: pytest.CaptureFixture[str], argumentos: list[str], mensaje: str
) -> None:
    codigo, _, error = _correr(capsys, "periodo", *argumentos)
    assert codigo == 2
    assert mensaje in error


# --- regionales ---


def test_regionales(capsys: pytest.CaptureFixture[str]) -> None:
    codigo, salida, _ = _correr(capsys, "regionales")
    assert codigo == 0
    lineas = salida.splitlines()
    assert lineas[0].split() == ["Código", "Regional", "Segmento", "Meta", "CV", "Tope", "EM"]
    filas = lineas[1:34]
    assert [f.split()[0] for f in filas][:3] == ["05", "08", "11"]
    assert filas[2].split() == ["11", "Distrito", "Capital", "Grande", "5.500", "1.050"]
    cesar = next(f for f in filas if f.startswith("20"))
    assert cesar.split() == ["20", "Cesar", "Mediana*", "70", "1"]
    assert lineas[34] == "* Segmento inferido, no está en el cuadro de la circular: Cesar."
    assert lineas[35] == "33 regionales; metas CV: 14.200; topes EM: 1.529 empresas."


# --- Ayuda, versión y errores de uso ---


def test_sin_orden_muestra_la_ayuda_y_termina_con_2(capsys: pytest.CaptureFixture[str]) -> None:
    codigo, salida, error = _correr(capsys)
    assert (codigo, salida) == (2, "")
    assert error.startswith("uso: sena-relacionamiento")
    assert "órdenes:" in error


@pytest.mark.parametrize("bandera", ["-h", "--ayuda", "--help"])
def test_ayuda(capsys: pytest.CaptureFixture[str], bandera: str) -> None:
    codigo, salida, _ = _correr(capsys, bandera)
    assert codigo == 0
    assert "muestra esta ayuda y termina" in salida
    codigo, salida, _ = _correr(capsys, "informe", bandera)
    assert codigo == 0
    assert "--periodo AAAA-MM" in salida
    assert salida.startswith("uso: sena-relacionamiento informe")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    codigo, salida, _ = _correr(capsys, "--version")
    assert (codigo, salida) == (0, f"sena-relacionamiento {__version__}\n")


def test_orden_desconocida_y_argumento_de_mas(capsys: pytest.CaptureFixture[str]) -> None:
    codigo, _, error = _correr(capsys, "informar")
    assert codigo == 2
    assert "argumento ORDEN: opción inválida: 'informar'" in error
    codigo, _, error = _correr(capsys, "regionales", "todas")
    assert codigo == 2
    assert "argumentos no reconocidos: todas" in error


def test_traducciones() -> None:
    assert _traducir("ambiguous option: --s could match --salida, --sal") == (
        "opción ambigua: --s puede ser --salida, --sal"
    )
    assert _traducir("otro mensaje") == "otro mensaje"


def test_python_m_en_el_mismo_proceso(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Se ejecuta el archivo como lo hace ``python -m``: ``__name__ == "__main__"`` y el
    # ``__spec__`` del módulo (con él, coverage sabe de qué paquete es).
    spec = importlib.util.find_spec("sena_relacionamiento.__main__")
    assert spec is not None
    assert spec.origin is not None
    codigo = compile(Path(spec.origin).read_text(encoding="utf-8"), spec.origin, "exec")
    monkeypatch.setattr(sys, "argv", ["sena_relacionamiento", "regionales"])
    with pytest.raises(SystemExit) as salida:
        exec(codigo, {"__name__": "__main__", "__spec__": spec})
    assert salida.value.code == 0
    assert "Distrito Capital" in capsys.readouterr().out


def test_importar_main_no_ejecuta_nada(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(sys.modules, "sena_relacionamiento.__main__", raising=False)
    modulo = importlib.import_module("sena_relacionamiento.__main__")
    assert modulo.main is main
    assert capsys.readouterr() == ("", "")


# --- Una terminal que no es UTF-8 ---


@pytest.mark.parametrize("codificacion", ["ascii", "latin-1"])
def test_python_m_con_pythonioencoding(codificacion: str) -> None:
    entorno = {**os.environ, "PYTHONIOENCODING": codificacion}
    for argv in (["informe"], ["regionales"], ["periodo", "2012-03-01"]):
        proceso = subprocess.run(
            [sys.executable, "-m", "sena_relacionamiento", *argv],
            capture_output=True,
            env=entorno,
            timeout=60,
            check=False,
        )
        assert (proceso.returncode, proceso.stderr) == (0, b"")
        texto = proceso.stdout.decode(codificacion)
        assert "Error" not in texto
    assert "Guain" in texto or "marzo" in texto


def test_transliteracion() -> None:
    assert _a_la_terminal("—", "ascii") == "-"
    assert _a_la_terminal("á", "ascii") == "a"
    assert _a_la_terminal("≥", "latin-1") == ">="
    assert _a_la_terminal("✓", "ascii") == "?"
    assert "Bogotá — ≥ 90 %".encode("ascii", errors="sena_relacionamiento.transliterar") == (
        b"Bogota - >= 90 %"
    )
    with pytest.raises(UnicodeDecodeError):
        _transliterar(UnicodeDecodeError("ascii", b"\xff", 0, 1, "x"))


def test_una_terminal_con_errores_propios_se_respeta(monkeypatch: pytest.MonkeyPatch) -> None:
    salida = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="replace")
    monkeypatch.setattr(sys, "stdout", salida)
    assert main(["periodo", "2012-03-01"]) == 0
    salida.flush()
    assert "Fecha: 1 de marzo" in salida.buffer.getvalue().decode("ascii")
    assert salida.errors == "replace"


# --- parametros y --parametros (R30) ---

CORPUS_PARAMETROS = Path(__file__).parent / "corpus_parametros"
CASOS_PARAMETROS = sorted(p.stem for p in CORPUS_PARAMETROS.glob("*.toml"))


def _documento(tmp_path: Path, texto: str, nombre: str = "vigencia.toml") -> str:
    archivo = tmp_path / nombre
    archivo.write_text(texto, encoding="utf-8")
    return str(archivo)


def test_parametros_escribe_el_documento_de_2012(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.resources import files

    codigo, salida, _ = _correr(capsys, "parametros")
    assert codigo == 0
    empaquetado = files("sena_relacionamiento") / "vigencias" / "2012.toml"
    assert salida == empaquetado.read_text(encoding="utf-8")
    assert _correr(capsys, "parametros", "--vigencia", "2012")[1] == salida


def test_parametros_de_otro_anio_es_una_plantilla(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from sena_relacionamiento import PARAMETROS_2012, cargar_parametros

    codigo, salida, _ = _correr(capsys, "parametros", "--vigencia", "2013")
    assert codigo == 0
    p2013 = cargar_parametros(_documento(tmp_path, salida))
    assert p2013 == PARAMETROS_2012.plantilla(2013)
    # Sobre otra base: la plantilla dice de qué vigencia copia.
    codigo, salida, _ = _correr(
        capsys, "parametros", "--vigencia", "2014", "--parametros", _documento(tmp_path, salida)
    )
    assert codigo == 0
    assert "plantilla: copia de la vigencia 2013; confirme cada cifra" in salida
    assert "valor = 2014" in salida


def test_parametros_con_una_vigencia_invalida(capsys: pytest.CaptureFixture[str]) -> None:
    codigo, salida, error = _correr(capsys, "parametros", "--vigencia", "0")
    assert (codigo, salida) == (2, "")
    assert "vigencia: la vigencia es un año" in error
    assert _correr(capsys, "parametros", "--vigencia", "dos mil")[0] == 2


@pytest.mark.parametrize("caso", CASOS_PARAMETROS)
@pytest.mark.parametrize("orden", ["informe", "clasificar", "periodo", "regionales"])
def test_cada_documento_de_parametros_roto_termina_con_2(
    capsys: pytest.CaptureFixture[str], caso: str, orden: str
) -> None:
    archivo = CORPUS_PARAMETROS / f"{caso}.toml"
    argumentos = {
        "informe": [],
        "clasificar": ["--aportes", "1", "--regional", "Huila"],
        "periodo": ["2013-03-01"],
        "regionales": [],
    }[orden]
    codigo, salida, error = _correr(capsys, orden, *argumentos, "--parametros", str(archivo))
    assert (codigo, salida) == (2, "")
    assert error.startswith(f"sena-relacionamiento: error: {archivo}, línea ")
    assert error.count("\n") == 1  # una sola línea, sin traza
    for parte in (CORPUS_PARAMETROS / f"{caso}.esperado").read_text(encoding="utf-8").splitlines():
        assert parte in error


def test_parametros_que_no_existe(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    archivo = tmp_path / "no.toml"
    codigo, _, error = _correr(capsys, "regionales", "--parametros", str(archivo))
    assert codigo == 2
    assert error.startswith(f"sena-relacionamiento: error: {archivo}: no se pudo leer el archivo")


def _otros_parametros(**cambios: Any) -> str:
    import attrs

    from sena_relacionamiento import PARAMETROS_2012

    return attrs.evolve(PARAMETROS_2012.plantilla(2013), **cambios).a_toml()


def test_informe_con_parametros_de_otra_vigencia(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    archivo = _documento(tmp_path, _otros_parametros(dia_corte=20))
    codigo, _, error = _correr(capsys, "informe", "--parametros", archivo, "--periodo", "2012-03")
    assert codigo == 2
    assert "el periodo es de 2012 y los parámetros de la vigencia 2013: pida un periodo" in error
    # Sin --periodo, marzo de la vigencia de los parámetros.
    for periodo in (["--periodo", "2013-03"], []):
        codigo, salida, _ = _correr(
            capsys, "informe", "--parametros", archivo, *periodo, "--formato", "json"
        )
        assert codigo == 0
        ec = next(f for f in json.loads(salida)["resultados"] if f["indicador"] == "EC")
        assert (ec["inicio"], ec["fin"]) == ("2012-12-21", "2013-03-20")  # corte del día 20


def test_informe_de_otro_anio_sin_parametros_dice_como_darlos(
    capsys: pytest.CaptureFixture[str],
) -> None:
    codigo, _, error = _correr(capsys, "informe", "--periodo", "2013-03")
    assert codigo == 2
    assert "--parametros vigencia-2013.toml" in error
    assert "sena-relacionamiento parametros --vigencia 2013" in error


def test_clasificar_y_regionales_con_parametros(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from sena_relacionamiento import PARAMETROS_2012, SegmentoRegional

    archivo = _documento(
        tmp_path,
        _otros_parametros(
            segmentos={**PARAMETROS_2012.segmentos, "Huila": SegmentoRegional.GRANDE},
            metas_cv={**PARAMETROS_2012.metas_cv, "Huila": 999},
        ),
    )
    _, salida, _ = _correr(
        capsys, "clasificar", "--aportes", "400.000.000", "--regional", "Huila",
        "--parametros", archivo,
    )  # fmt: skip
    assert "Segmento de la regional: Grande" in salida
    assert "Tipo de empresa: Tipo B: más de $ 100.000.000 y hasta $ 500.000.000" in salida
    _, salida, _ = _correr(capsys, "regionales", "--parametros", archivo)
    huila = next(f for f in salida.splitlines() if f.startswith("41"))
    assert huila.split() == ["41", "Huila", "Grande", "999", "1"]


def test_periodo_con_el_dia_de_corte_de_los_parametros(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    archivo = _documento(tmp_path, _otros_parametros(dia_corte=20))
    _, salida, _ = _correr(capsys, "periodo", "2013-03-21", "--parametros", archivo)
    assert "Fecha: 21 de marzo de 2013 (corte día 20)" in salida
    _, salida, _ = _correr(
        capsys, "periodo", "2013-03-21", "--parametros", archivo, "--dia-corte", "20"
    )
    assert "Periodo 2013-04" in salida
    codigo, _, error = _correr(
        capsys, "periodo", "2013-03-21", "--parametros", archivo, "--dia-corte", "25"
    )
    assert codigo == 2
    assert "--dia-corte 25 no es el día de corte de --parametros" in error


def test_r30_serie_con_parametros_por_vigencia(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from importlib.resources import files

    de_2012 = str(files("sena_relacionamiento") / "vigencias" / "2012.toml")
    _, plantilla, _ = _correr(capsys, "parametros", "--vigencia", "2013")
    de_2013 = _documento(tmp_path, plantilla)
    argumentos = ["serie", "--desde", "2012-11", "--hasta", "2013-02", "--formato", "json"]
    # Falta la vigencia 2012: un error de uso que la nombra.
    codigo, salida, error = _correr(capsys, *argumentos, "--parametros", de_2013)
    assert (codigo, salida) == (2, "")
    assert "vigencia 2012" in error
    codigo, salida, _ = _correr(
        capsys, *argumentos, "--parametros", de_2013, "--parametros", de_2012
    )
    assert codigo == 0
    documento = json.loads(salida)
    assert documento["periodos"] == ["2012-11", "2012-12", "2013-01", "2013-02"]
    assert [p["vigencia"] for p in documento["parametros"]] == [2012, 2013]


# -- R32: ni ids de reglas ni códigos internos en lo que leen las personas -------------------

_REGLA = re.compile(r"\bR\d+\b")
_CODIGO = re.compile(r"\b[A-Z]{2,}_[A-Z_]+\b")  # SISMEG_FORMADOS, FUERA_DEL_TRIMESTRE…


class _Visible(HTMLParser):
    """El texto visible de una página: sin etiquetas, atributos, estilos ni guiones."""

    def __init__(self) -> None:
        super().__init__()
        self.partes: list[str] = []
        self._oculto = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._oculto += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._oculto -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._oculto:
            self.partes.append(data)


@pytest.mark.parametrize(
    "argv",
    [
        ["informe"],
        ["informe", "--formato", "csv-excel"],
        ["informe", "--formato", "html"],
        ["serie", "--desde", "2012-01", "--hasta", "2012-03"],
        ["serie", "--desde", "2012-01", "--hasta", "2012-02", "--formato", "html"],
        ["clasificar", "--aportes", "$ 250.000.000", "--regional", "Huila"],
        ["clasificar", "--aportes", "$ 400.000.000", "--regional", "Cesar"],
        ["clasificar", "--aportes", "$ 50.000.000", "--regional", "Antioquia"],
        ["periodo", "2012-03-26"],
        ["regionales"],
    ],
    ids=" ".join,
)
def test_r32_salidas_para_personas_sin_ids_de_reglas_ni_codigos_internos(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Las salidas para personas de cada orden (texto, csv-excel y el texto visible del HTML)
    no nombran reglas («(R3)», «(R12)») ni códigos internos («SISMEG_FORMADOS»): quedan en la
    documentación y el JSON. `parametros` escribe un TOML para cargar, no para leer."""
    codigo, salida, error = _correr(capsys, *argv)
    assert (codigo, error) == (0, "")
    texto = salida
    if "html" in argv:
        visible = _Visible()
        visible.feed(salida)
        texto = " ".join(visible.partes)
    assert texto.strip()
    assert _REGLA.findall(texto) == []
    assert _CODIGO.findall(texto) == []
