"""La entrada como la guarda el SENA (issue 16): libros de Excel, CSV de Windows y el
cargador común (io/xlsx_lector.py, io/entrada.py), por la línea de comandos y en Python."""

from __future__ import annotations

import codecs
import errno
import io
import sys
import zipfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from _excel import Filas, carpeta_xlsx, escribir, hojas_de_ejemplo, libro

from sena_relacionamiento import cli
from sena_relacionamiento.cli import (
    ERROR_AL_ESCRIBIR,
    ERROR_DE_USO,
    ERROR_EN_LOS_DATOS,
    EXITO,
    main,
)
from sena_relacionamiento.datos_ejemplo import carpeta_de_ejemplo, datos_de_ejemplo
from sena_relacionamiento.errores import DatoInvalido, DependenciaFaltante, ErrorSena
from sena_relacionamiento.io import ErroresDeLectura, leer_carpeta, leer_datos, leer_libro
from sena_relacionamiento.io.csv_lector import ARCHIVOS
from sena_relacionamiento.io.xlsx_lector import _texto, leer_xlsx
from sena_relacionamiento.registros import Gestor

GESTORES: Filas = [["id", "rol", "regional"], ["g1", "Empresarial", "Huila"]]
CONTACTOS: Filas = [
    ["gestor", "nit", "fecha", "tipo", "medio"],
    ["g1", 900123456, date(2012, 3, 1), "Nuevo", "Visita"],
]
PROHIBIDOS = ("Traceback", "datetime.", "Decimal(", "\\x00", "Errno", "No such file")


def _correr(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    codigo = main(list(argv))
    salida = capsys.readouterr()
    return codigo, salida.out, salida.err


def _salidas(capsys: pytest.CaptureFixture[str], tmp: Path, datos: str | None) -> list[bytes]:
    """El informe de `datos` en los cinco formatos, en bytes."""
    previos = ["--datos", datos] if datos else []
    resultado = []
    for formato in ("texto", "json", "csv", "html"):
        codigo, salida, error = _correr(capsys, "informe", *previos, "--formato", formato)
        assert (codigo, error) == (EXITO, "")
        resultado.append(salida.encode())
    destino = tmp / f"informe-{len(list(tmp.iterdir()))}.xlsx"
    codigo, _, error = _correr(capsys, "informe", *previos, "--salida", str(destino))
    assert (codigo, error) == (EXITO, "")
    resultado.append(destino.read_bytes())
    return resultado


# --- Lo que debe valer: los mismos informes, byte a byte ---


@pytest.fixture(scope="module")
def referencia(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    tmp = tmp_path_factory.mktemp("ref")
    from _pytest.capture import CaptureFixture  # noqa: F401  (solo para el tipo)

    salidas = []
    for formato in ("texto", "json", "csv", "html"):
        buffer = io.StringIO()
        viejo, sys.stdout = sys.stdout, buffer
        try:
            assert main(["informe", "--formato", formato]) == EXITO
        finally:
            sys.stdout = viejo
        salidas.append(buffer.getvalue().encode())
    buffer = io.StringIO()
    viejo, sys.stdout = sys.stdout, buffer
    try:
        assert main(["informe", "--salida", str(tmp / "ref.xlsx")]) == EXITO
    finally:
        sys.stdout = viejo
    salidas.append((tmp / "ref.xlsx").read_bytes())
    return salidas


def test_carpeta_de_libros_tipados_da_el_mismo_informe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, referencia: list[bytes]
) -> None:
    carpeta = carpeta_xlsx(tmp_path / "datos")
    assert sorted(p.suffix for p in carpeta.iterdir()) == [".xlsx"] * len(ARCHIVOS)
    assert _salidas(capsys, tmp_path, str(carpeta)) == referencia


def test_un_libro_con_una_hoja_por_tipo_da_el_mismo_informe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, referencia: list[bytes]
) -> None:
    (tmp_path / "datos.xlsx").write_bytes(libro(hojas_de_ejemplo()))
    assert _salidas(capsys, tmp_path, str(tmp_path / "datos.xlsx")) == referencia


def test_csv_de_windows_1252_con_crlf_da_el_mismo_informe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, referencia: list[bytes]
) -> None:
    archivos: dict[str, bytes | str] = {}
    for archivo in ARCHIVOS:
        texto = (carpeta_de_ejemplo() / archivo).read_bytes().decode("utf-8-sig")
        contenido = texto.replace("\n", "\r\n").encode("cp1252")
        assert contenido.count(b"\r\n") == texto.count("\n")
        archivos[archivo] = contenido
    carpeta = escribir(tmp_path / "datos", archivos)
    assert any(b"\xe9" in (carpeta / a).read_bytes() for a in ARCHIVOS)  # «é» en cp1252
    assert _salidas(capsys, tmp_path, str(carpeta)) == referencia


def test_carpeta_mezclada_de_csv_y_libros(tmp_path: Path) -> None:
    carpeta = carpeta_xlsx(tmp_path / "datos", ["contactos", "solicitudes", "ambientes"])
    assert leer_carpeta(carpeta) == datos_de_ejemplo()
    assert leer_datos(carpeta) == datos_de_ejemplo()


def test_un_titulo_sobre_el_encabezado_se_salta_y_se_dice(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    titulo = [["Formato de seguimiento — Regional Huila"], ["Regional", "Huila"], []]
    hojas = {"gestores": GESTORES, "contactos": CONTACTOS}
    (tmp_path / "libro.xlsx").write_bytes(libro(hojas, titulo={"contactos": titulo}))
    notas: list[str] = []
    datos = leer_libro(tmp_path / "libro.xlsx", notas=notas.append)
    assert [c.nit for c in datos.contactos] == ["900123456"]
    assert notas == [
        "libro.xlsx, hoja contactos: se saltan las filas 1 a 3 (un título sobre el "
        "encabezado, que está en la fila 4)"
    ]
    codigo, _, error = _correr(
        capsys, "informe", "--datos", str(tmp_path / "libro.xlsx"), "-v", "--formato", "csv"
    )
    assert codigo == EXITO
    assert "nota: libro.xlsx, hoja contactos: se saltan las filas 1 a 3" in error


def test_celdas_como_las_guarda_excel(tmp_path: Path) -> None:
    contactos: Filas = [
        ["", "Gestor", "NIT", "Fecha", "Tipo", "Medio", None, None],
        [None, "g1", 900123456, datetime(2012, 3, 10, 0, 0), "Nuevo", "Visita"],
        [
            None,
            "g1",
            "900.123.456-8",
            datetime(2012, 3, 25, 23, 59, 59, 999_700),
            "Nuevo",
            "Telefónico",
        ],
        [None, None, None, None, None, None, None, None],
    ]
    ambientes: Filas = [
        ["gestor", "fecha", "valor", "cantidad"],
        ["g1", date(2012, 3, 1), 1234.5, 2.0],
        ["g1", date(2012, 3, 2), 100_000_000, None],
        ["g1", date(2012, 3, 3), "$ 1.234,56", "3"],
    ]
    solicitudes: Filas = [
        ["id", "fecha", "servicio", "regional", "fecha_gestion"],
        [17, datetime(2012, 3, 1, 22, 0), "Formación", 41, date(2012, 3, 2)],
    ]
    hojas = {"gestores": GESTORES, "contactos": contactos, "ambientes": ambientes}
    (tmp_path / "d.xlsx").write_bytes(libro({**hojas, "solicitudes": solicitudes}))
    datos = leer_libro(tmp_path / "d.xlsx")
    assert [(c.fecha, c.nit) for c in datos.contactos] == [
        (date(2012, 3, 10), "900123456"),
        (date(2012, 3, 26), "900123456"),  # 23:59:59,9997 es medianoche: el día siguiente
    ]
    assert [(a.valor, a.cantidad) for a in datos.ambientes] == [
        (Decimal("1234.50"), 2),
        (100_000_000, 1),
        (Decimal("1234.56"), 3),
    ]
    assert isinstance(datos.ambientes[1].valor, int)
    (solicitud,) = datos.solicitudes
    assert (solicitud.id, solicitud.regional.codigo) == ("17", "41")
    assert solicitud.fecha == date(2012, 3, 1)  # 22:00 de Bogotá (R11)


def test_valores_logicos_de_excel(tmp_path: Path) -> None:
    cuotas: Filas = [
        ["nit", "cuota_regulada", "monetiza"],
        [900123456, 5, True],
        [800197268, 2, "no"],
    ]
    (tmp_path / "cuotas.xlsx").write_bytes(libro({"Hoja1": cuotas}))
    registros = leer_xlsx((tmp_path / "cuotas.xlsx").read_bytes(), "cuotas.xlsx")
    assert [r.monetiza for r in registros] == [True, False]  # type: ignore[union-attr]


def test_leer_xlsx_pide_un_nombre_de_registros() -> None:
    with pytest.raises(DatoInvalido, match="no es un archivo de registros"):
        leer_xlsx(libro({"x": GESTORES}), "personas.xlsx")


def test_sin_openpyxl_dice_que_instalar(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "d.xlsx").write_bytes(libro({"gestores": GESTORES}))
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(DependenciaFaltante, match=r"sena-relacionamiento\[excel\]"):
        leer_datos(tmp_path / "d.xlsx")


def test_hojas_que_no_son_de_registros_se_dicen(tmp_path: Path) -> None:
    hojas = {"Instrucciones": [["Llene cada hoja"]], "Gestores": GESTORES}
    (tmp_path / "d.xlsx").write_bytes(libro(hojas))
    notas: list[str] = []
    assert [g.id for g in leer_datos(tmp_path / "d.xlsx", notas=notas.append).gestores] == ["g1"]
    assert notas == ["d.xlsx, hoja Instrucciones: no es una hoja de registros; no se lee"]


def test_un_informe_guardado_en_la_carpeta_no_rompe_la_siguiente_corrida(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    carpeta = escribir(
        tmp_path / "datos", {"gestores.csv": "id;rol;regional\ng1;Empresarial;Huila\n"}
    )
    for extension in ("csv", "json", "xlsx", "html", "txt"):
        destino = carpeta / f"informe.{extension}"
        codigo, _, _ = _correr(
            capsys, "informe", "--datos", str(carpeta), "--salida", str(destino), "--forzar"
        )
        assert codigo == EXITO
    codigo, salida, error = _correr(capsys, "informe", "--datos", str(carpeta), "-v")
    assert codigo == EXITO, error
    assert "nota: informe.csv: es un informe de sena-relacionamiento; no se lee" in error
    assert "nota: informe.xlsx: es un informe de sena-relacionamiento; no se lee" in error
    assert "nota: gestores.csv: codificación UTF-8" in error
    assert salida.startswith("Informe de la Circular 109")


@pytest.mark.parametrize(
    ("extension", "inicio"),
    [
        (".json", b'{\n  "esquema"'),
        (".csv", b"ambito,clave"),
        (".html", b"<!DOCTYPE html>"),
        (".txt", b"Informe de la Circular"),
        (".XLSX", b"PK\x03\x04"),
    ],
)
def test_el_formato_sale_de_la_extension_de_salida(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, extension: str, inicio: bytes
) -> None:
    destino = tmp_path / f"informe{extension}"
    codigo, salida, _ = _correr(capsys, "informe", "--salida", str(destino))
    assert codigo == EXITO
    assert destino.read_bytes().startswith(inicio)
    assert f"en formato {extension.lower().lstrip('.').replace('txt', 'texto')}" in salida


@pytest.mark.parametrize(
    "orden", [["informe"], ["serie", "--desde", "2012-01", "--hasta", "2012-03"]]
)
@pytest.mark.parametrize("nombre", ["informe.pdf", "informe"])
def test_una_extension_desconocida_sin_formato_es_un_error_de_uso(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, orden: list[str], nombre: str
) -> None:
    codigo, _, error = _correr(capsys, *orden, "--salida", str(tmp_path / nombre))
    assert codigo == ERROR_DE_USO
    assert "--salida: no se sabe qué formato escribir por la extensión" in error
    assert not (tmp_path / nombre).exists()
    codigo, _, _ = _correr(capsys, *orden, "--salida", str(tmp_path / nombre), "--formato", "csv")
    assert codigo == EXITO


def test_serie_deduce_el_formato_y_no_escribe_xlsx(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    orden = ["serie", "--desde", "2012-01", "--hasta", "2012-02"]
    codigo, _, _ = _correr(capsys, *orden, "--salida", str(tmp_path / "s.json"))
    assert codigo == EXITO
    assert (tmp_path / "s.json").read_text(encoding="utf-8").startswith('{\n  "esquema"')
    # La serie también se escribe en Excel (issue 17); una extensión desconocida es un error.
    codigo, _, _ = _correr(capsys, *orden, "--salida", str(tmp_path / "s.xlsx"))
    assert codigo == EXITO
    assert (tmp_path / "s.xlsx").read_bytes().startswith(b"PK")
    codigo, _, error = _correr(capsys, *orden, "--salida", str(tmp_path / "s.pdf"))
    assert codigo == ERROR_DE_USO
    assert ".json" in error


def test_serie_lee_libros_y_sus_errores_son_de_datos(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "datos.xlsx").write_bytes(libro(hojas_de_ejemplo()))
    orden = ["serie", "--desde", "2012-01", "--hasta", "2012-03", "--formato", "csv"]
    codigo, salida, _ = _correr(capsys, *orden, "--datos", str(tmp_path / "datos.xlsx"))
    _, referencia, _ = _correr(capsys, *orden)
    assert (codigo, salida) == (EXITO, referencia)
    escribir(tmp_path / "malos", {"contacto.csv": "x"})
    codigo, _, error = _correr(capsys, *orden, "--datos", str(tmp_path / "malos"))
    assert codigo == ERROR_EN_LOS_DATOS
    assert "¿quiso decir contactos.csv?" in error


def test_serie_no_escribe_en_la_carpeta_de_datos(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    carpeta = escribir(tmp_path / "d", {"gestores.csv": "id;rol;regional\n"})
    codigo, _, error = _correr(
        capsys, "serie", "--desde", "2012-01", "--hasta", "2012-01", "--datos", str(carpeta),
        "--salida", str(carpeta / "serie.csv"),
    )  # fmt: skip
    assert codigo == ERROR_DE_USO
    assert "dentro de la carpeta de datos" in error


def test_datos_que_no_es_carpeta_ni_libro(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "gestores.csv").write_text("id;rol;regional\n", encoding="utf-8")
    codigo, _, error = _correr(capsys, "informe", "--datos", str(tmp_path / "gestores.csv"))
    assert codigo == ERROR_DE_USO
    assert "no es una carpeta ni un libro de Excel" in error
    with pytest.raises(DatoInvalido, match="no es una carpeta ni un libro"):
        leer_datos(tmp_path / "gestores.csv")


# --- El corpus roto de la entrada nueva ---


def _cifrado() -> bytes:
    """Lo que guarda Excel con contraseña: un archivo compuesto OLE con «EncryptedPackage»."""
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200 + "EncryptedPackage".encode("utf-16-le")
    )


def _con_xml(contenido: bytes, hoja: str, cambiar: Any) -> bytes:
    """El libro con el XML de una hoja cambiado por `cambiar`."""
    salida = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(contenido)) as origen, zipfile.ZipFile(salida, "w") as destino:
        for parte in origen.infolist():
            datos = origen.read(parte)
            if parte.filename == hoja:
                datos = cambiar(datos)
            destino.writestr(parte, datos)
    return salida.getvalue()


def _combinada_en_encabezado() -> bytes:
    from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]

    wb = Workbook()
    hoja = wb.active
    hoja.title = "contactos"
    hoja.append(["Formato de seguimiento"])
    hoja.merge_cells("A1:E1")  # en el título: no importa
    hoja.append(["gestor", "nit", "fecha", "tipo y medio", None])
    hoja.merge_cells("D2:E2")
    hoja.append(["g1", 900123456, date(2012, 3, 1), "Nuevo", "Visita"])
    salida = io.BytesIO()
    wb.save(salida)
    assert load_workbook(io.BytesIO(salida.getvalue())).active.merged_cells
    return salida.getvalue()


def _libro_con(fila: list[Any], formato: str | None = None) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    hoja = wb.active
    hoja.title = "contactos"
    hoja.append(CONTACTOS[0])
    hoja.append(fila)
    if formato:
        hoja["B2"].number_format = formato
    salida = io.BytesIO()
    wb.save(salida)
    return salida.getvalue()


_VALIDA = ["g1", 900123456, date(2012, 3, 1), "Nuevo", "Visita"]
_CASOS: dict[str, tuple[dict[str, bytes | str], tuple[str, ...]]] = {
    "formula": (
        {"contactos.xlsx": _libro_con(["g1", "=900123450+6", date(2012, 3, 1), "Nuevo", "Visita"])},
        ("contactos.xlsx, hoja contactos, fila 2", "nit (columna B)", "fórmula", "'=900123450+6'"),
    ),
    "encabezado_combinado": (
        {"contactos.xlsx": _combinada_en_encabezado()},
        ("contactos.xlsx, hoja contactos, fila 2", "combinadas (D2:E2)"),
    ),
    "fecha_como_texto": (
        {"contactos.xlsx": _libro_con(["g1", 900123456, "10/03/2012", "Nuevo", "Visita"])},
        ("hoja contactos, fila 2", "fecha (columna C)", "como texto", "'10/03/2012'"),
    ),
    "fecha_como_numero": (
        {"contactos.xlsx": _libro_con(["g1", 900123456, 40978, "Nuevo", "Visita"])},
        ("fila 2", "fecha (columna C)", "número, no una fecha", "40978"),
    ),
    "nit_en_notacion_cientifica": (
        {"contactos.xlsx": _libro_con(_VALIDA, "0.0E+00")},
        ("fila 2", "nit (columna B)", "notación científica", "900123456"),
    ),
    "nit_con_decimales": (
        {
            "contactos.xlsx": _con_xml(
                _libro_con(_VALIDA),
                "xl/worksheets/sheet1.xml",
                lambda x: x.replace(b"<v>900123456</v>", b"<v>8.6E+08</v>"),
            )
        },
        ("fila 2", "nit (columna B)", "8,6E+08", "860000000.0"),
    ),
    "pesos_con_tres_decimales": (
        {
            "ambientes.xlsx": libro(
                {"x": [["gestor", "fecha", "valor"], ["g1", date(2012, 3, 1), 10.125]]}
            )
        },
        ("ambientes.xlsx, hoja x, fila 2", "valor (columna C)", "más de dos decimales", "10.125"),
    ),
    "entero_con_decimales": (
        {
            "eventos.xlsx": libro(
                {
                    "eventos": [
                        ["regional", "fecha", "asistentes", "razon"],
                        ["Huila", date(2012, 3, 1), 2.5, "r"],
                    ]
                }
            )
        },
        ("fila 2", "asistentes (columna C)", "entero", "2.5"),
    ),
    "valor_malo_con_letra_de_columna": (
        {"contactos.xlsx": _libro_con(["g1", 900123456, date(2012, 3, 1), "Nuevo", "Fax"])},
        ("contactos.xlsx, hoja contactos, fila 2", "medio (columna E)", "'Fax'"),
    ),
    "valor_sin_encabezado": (
        {"contactos.xlsx": _libro_con([*_VALIDA, None, "nota"])},
        ("fila 2", "columna G", "no tiene encabezado", "'nota'"),
    ),
    "columna_desconocida": (
        {
            "gestores.xlsx": libro(
                {"gestores": [["id", "rol", "regionl"], ["g1", "Empresarial", "Huila"]]}
            )
        },
        ("gestores.xlsx, hoja gestores, fila 1", "¿quiso decir regional?"),
    ),
    "hoja_vacia": (
        {"gestores.xlsx": libro({"gestores": []})},
        ("gestores.xlsx, hoja gestores", "la hoja está vacía"),
    ),
    "con_contrasena": (
        {"contactos.xlsx": _cifrado()},
        ("'contactos.xlsx'", "protegido con contraseña"),
    ),
    "excel_97": (
        {"contactos.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100},
        ("'contactos.xlsx'", "97-2003"),
    ),
    "libro_danado": (
        {"contactos.xlsx": b"PK\x03\x04" + b"\x00" * 100},
        ("'contactos.xlsx'", "dañado"),
    ),
    "no_es_un_libro": (
        {"contactos.xlsx": "gestor;nit\n"},
        ("'contactos.xlsx'", "no es un libro de Excel"),
    ),
    "dos_archivos_para_un_tipo": (
        {"contactos.csv": "gestor;nit;fecha;tipo;medio\n", "contactos.xlsx": _libro_con(_VALIDA)},
        ("hay dos archivos para contactos: contactos.csv y contactos.xlsx",),
    ),
    "csv_mal_escrito": (
        {"contacto.csv": "gestor;nit;fecha;tipo;medio\n"},
        ("'contacto.csv'", "¿quiso decir contactos.csv?"),
    ),
    "libro_mal_escrito": (
        {"contacto.xlsx": _libro_con(_VALIDA)},
        ("'contacto.xlsx'", "¿quiso decir contactos.xlsx?"),
    ),
    "xls_con_nombre_de_registro": (
        {"contactos.xls": b"x"},
        ("'contactos.xls'", "solo los libros .xlsx", "contactos.xlsx"),
    ),
    "libro_de_varias_hojas": (
        {"contactos.xlsx": libro({"a": CONTACTOS, "b": CONTACTOS})},
        ("'contactos.xlsx'", "varias hojas (a, b)", "llámela contactos"),
    ),
    "informe_con_nombre_de_registros": (
        {"contactos.xlsx": b""},  # se llena en la prueba con un informe en xlsx
        ("'contactos.xlsx'", "es un informe de sena-relacionamiento"),
    ),
}
_CASOS_LIBRO: dict[str, tuple[dict[str, Filas], tuple[str, ...]]] = {
    "hoja_mal_escrita": (
        {"gestores": GESTORES, "contacto": CONTACTOS},
        ("datos.xlsx", "hoja", "'contacto'", "¿quiso decir contactos?"),
    ),
    "dos_hojas_para_un_tipo": (
        {"gestores": GESTORES, "Gestores ": GESTORES},
        ("hay dos hojas para gestores",),
    ),
    "libro_sin_hojas_de_registros": (
        {"Hoja1": GESTORES},
        ("--datos" if False else "datos.xlsx", "ninguna hoja de registros"),
    ),
    "error_en_una_hoja": (
        {"gestores": [*GESTORES, ["g2", "Jefe", "Huila"]]},
        ("datos.xlsx, hoja gestores, fila 3", "rol (columna B)", "'Jefe'"),
    ),
}


@pytest.mark.parametrize("caso", sorted(_CASOS))
def test_corpus_roto_de_excel_por_la_linea_de_comandos(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, caso: str
) -> None:
    archivos, partes = _CASOS[caso]
    if caso == "informe_con_nombre_de_registros":
        assert main(["informe", "--salida", str(tmp_path / "i.xlsx")]) == EXITO
        archivos = {"contactos.xlsx": (tmp_path / "i.xlsx").read_bytes()}
    base: dict[str, bytes | str] = {"gestores.csv": "id;rol;regional\ng1;Empresarial;Huila\n"}
    if any(nombre.startswith("gestores") for nombre in archivos):
        base = {}
    carpeta = escribir(tmp_path / "datos", {**base, **archivos})
    capsys.readouterr()
    codigo, salida, error = _correr(capsys, "informe", "--datos", str(carpeta))
    assert (codigo, salida) == (ERROR_EN_LOS_DATOS, ""), error
    for parte in partes:
        assert parte in error
    for parte in PROHIBIDOS:
        assert parte not in error
    with pytest.raises(ErrorSena):
        leer_carpeta(carpeta)


@pytest.mark.parametrize("caso", sorted(_CASOS_LIBRO))
def test_corpus_roto_de_un_libro_por_la_linea_de_comandos(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, caso: str
) -> None:
    hojas, partes = _CASOS_LIBRO[caso]
    (tmp_path / "datos.xlsx").write_bytes(libro(hojas))
    codigo, salida, error = _correr(capsys, "informe", "--datos", str(tmp_path / "datos.xlsx"))
    assert (codigo, salida) == (ERROR_EN_LOS_DATOS, ""), error
    for parte in partes:
        assert parte in error
    for parte in PROHIBIDOS:
        assert parte not in error


def test_un_informe_no_es_un_libro_de_datos(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["informe", "--salida", str(tmp_path / "i.xlsx")]) == EXITO
    codigo, _, error = _correr(capsys, "informe", "--datos", str(tmp_path / "i.xlsx"))
    assert codigo == ERROR_EN_LOS_DATOS
    assert "es un informe de sena-relacionamiento, no un libro de datos" in error


def test_varios_errores_de_excel_se_reunen(tmp_path: Path) -> None:
    carpeta = escribir(
        tmp_path / "d",
        {
            "gestores.xlsx": libro({"gestores": [["id", "rol", "regional"], ["g1", "x", "Huila"]]}),
            "contactos.xlsx": _cifrado(),
        },
    )
    with pytest.raises(ErrorSena) as error:
        leer_carpeta(carpeta)
    assert "2 errores" in str(error.value)


def test_las_registros_inconsistentes_dicen_hoja_y_fila(tmp_path: Path) -> None:
    asignaciones: Filas = [["gestor", "nit"], ["g1", 900123456], ["g2", 900123456]]
    gestores: Filas = [*GESTORES, ["g2", "Empresarial", "Huila"]]
    (tmp_path / "d.xlsx").write_bytes(libro({"gestores": gestores, "asignaciones": asignaciones}))
    with pytest.raises(
        ErrorSena, match=r"d\.xlsx, hoja asignaciones, fila 2; d\.xlsx, hoja asignaciones, fila 3"
    ):
        leer_datos(tmp_path / "d.xlsx")


def test_bom_utf16_y_crlf_de_texto_unicode(tmp_path: Path) -> None:
    texto = "id\trol\tregional\r\ng1\tEstratégico\tGuainía\r\n"
    carpeta = escribir(
        tmp_path / "d", {"gestores.csv": codecs.BOM_UTF16_LE + texto.encode("utf-16-le")}
    )
    notas: list[str] = []
    (gestor,) = leer_carpeta(carpeta).gestores
    assert gestor.regional.nombre == "Guainía"
    leer_datos(carpeta, notas=notas.append)
    assert notas == ["gestores.csv: codificación UTF-16 con BOM"]
    assert isinstance(gestor, Gestor)


# --- Cada celda, una por una ---


@attrs.frozen
class _Celda:
    value: Any
    data_type: str = "n"
    number_format: str = "General"


@pytest.mark.parametrize(
    ("columna", "celda", "esperado"),
    [
        ("fecha", _Celda(date(2012, 3, 1)), "2012-03-01"),
        (
            "fecha",
            _Celda(datetime(2012, 3, 1, 0, 0), number_format="dd/mm/yyyy h:mm"),
            "2012-03-01 00:00:00",
        ),
        ("servicio", _Celda(1.5), "1.5"),
        ("servicio", _Celda(3.0), "3"),
        ("valor", _Celda(2500.0), "2500"),
        ("obligada", _Celda(False), "no"),
    ],
)
def test_cada_celda_tipada_como_texto_del_csv(columna: str, celda: _Celda, esperado: str) -> None:
    assert _texto(celda, columna, "x.xlsx, hoja x, fila 2", 0) == esperado


@pytest.mark.parametrize(
    ("columna", "celda", "motivo", "valor"),
    [
        ("gestor", _Celda(datetime(2012, 3, 1, 8, 0)), "no es de fechas", "2012-03-01 08:00:00"),
        ("fecha", _Celda(time(8, 30)), "solo una hora", "08:30:00"),
        ("fecha", _Celda(timedelta(hours=30)), "solo una hora", "1 day, 6:00:00"),
    ],
)
def test_cada_celda_mala_dice_columna_y_valor(
    columna: str, celda: _Celda, motivo: str, valor: str
) -> None:
    with pytest.raises(DatoInvalido, match=motivo) as error:
        _texto(celda, columna, "x.xlsx, hoja x, fila 2", 1)
    assert (error.value.campo, error.value.valor) == (f"{columna} (columna B)", valor)


def test_filas_en_blanco_entre_los_datos_no_cuentan(tmp_path: Path) -> None:
    muchos: Filas = [[f"g{n}", "Empresarial", "Huila"] for n in range(2, 15)]
    gestores: Filas = [*GESTORES, *muchos, [" ", None, None], ["g99", "Estratégico", "Huila"]]
    (tmp_path / "d.xlsx").write_bytes(libro({"gestores": gestores}))
    ids = [g.id for g in leer_libro(tmp_path / "d.xlsx").gestores]
    assert (len(ids), ids[-1]) == (15, "g99")


def test_sin_ninguna_columna_conocida_el_encabezado_es_la_primera_fila(tmp_path: Path) -> None:
    (tmp_path / "d.xlsx").write_bytes(libro({"gestores": [["a", "b"], ["g1", "x"]]}))
    with pytest.raises(DatoInvalido, match="no es una columna de gestores") as error:
        leer_libro(tmp_path / "d.xlsx")
    assert (error.value.origen, error.value.campo) == ("d.xlsx, hoja gestores, fila 1", "a")


def test_una_columna_obligatoria_que_falta_en_un_libro(tmp_path: Path) -> None:
    (tmp_path / "d.xlsx").write_bytes(libro({"gestores": [["id", "rol"], ["g1", "Empresarial"]]}))
    with pytest.raises(DatoInvalido, match="falta la columna obligatoria") as error:
        leer_libro(tmp_path / "d.xlsx")
    assert error.value.origen == "d.xlsx, hoja gestores, fila 1"


def test_una_hoja_con_el_xml_danado(tmp_path: Path) -> None:
    contenido = _con_xml(
        libro({"gestores": GESTORES}), "xl/worksheets/sheet1.xml", lambda x: x[: len(x) // 2]
    )
    (tmp_path / "d.xlsx").write_bytes(contenido)
    with pytest.raises(DatoInvalido, match="la hoja está dañada") as error:
        leer_libro(tmp_path / "d.xlsx")
    assert error.value.origen == "d.xlsx, hoja gestores"


def test_un_libro_que_no_se_puede_leer(tmp_path: Path) -> None:
    (tmp_path / "d.xlsx").mkdir()
    with pytest.raises(DatoInvalido, match="no se pudo leer"):
        leer_libro(tmp_path / "d.xlsx")


def test_un_libro_de_otro_nombre_sin_parecido(tmp_path: Path) -> None:
    carpeta = escribir(tmp_path / "d", {"gestores.csv": "id;rol;regional\n", "zzz.xlsx": b"x"})
    with pytest.raises(DatoInvalido, match="no es un archivo de registros") as error:
        leer_carpeta(carpeta)
    assert "quiso decir" not in str(error.value)


def test_muchas_hojas_malas_paran_en_el_limite(tmp_path: Path) -> None:
    hojas: dict[str, Filas] = {"gestores": [["id", "rol", "regional"], ["g1", "x", "Huila"]]}
    hojas.update({f"contacto{n}": CONTACTOS for n in range(25)})
    (tmp_path / "d.xlsx").write_bytes(libro(hojas))
    with pytest.raises(ErroresDeLectura) as error:
        leer_libro(tmp_path / "d.xlsx")
    assert not error.value.completo
    assert len(error.value.errores) == 20


def test_serie_con_datos_que_no_existen_y_sin_poder_escribir(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    orden = ["serie", "--desde", "2012-01", "--hasta", "2012-01"]
    codigo, _, error = _correr(capsys, *orden, "--datos", str(tmp_path / "no"))
    assert (codigo, "la carpeta o el libro no existe" in error) == (ERROR_DE_USO, True)

    def sin_espacio(ruta: object, contenido: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cli, "escribir_atomico", sin_espacio)  # `_entregar` escribe
    codigo, _, error = _correr(capsys, *orden, "--salida", str(tmp_path / "s.csv"))
    assert codigo == ERROR_AL_ESCRIBIR
    assert "no queda espacio en el disco" in error
