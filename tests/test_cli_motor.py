"""``--motor {auto,puro,columnas}`` (issue 15): la vía por columnas da los mismos bytes, los
mismos excluidos (R23) y los mismos errores que la vía pura; sin el extra «tablas», nada
importa polars y ``--motor columnas`` es un error de uso que dice qué instalar."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sena_relacionamiento.cli import ERROR_DE_USO, EXITO, main
from sena_relacionamiento.informe import informe
from sena_relacionamiento.parametros import PARAMETROS_2012
from sena_relacionamiento.periodos import Periodo

EJEMPLO = Path(str(files("sena_relacionamiento") / "datos_ejemplo"))
CORPUS = Path(__file__).parent / "corpus_roto"
CASOS_ROTOS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
FORMATOS_COLUMNAS = ("csv", "csv-excel", "texto", "json", "html", "xlsx")


def _correr(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    codigo = main(list(argv))
    salida = capsys.readouterr()
    return codigo, salida.out, salida.err


def _por_motor(capsys: pytest.CaptureFixture[str], motor: str, *argv: str) -> tuple[int, str, str]:
    return _correr(capsys, "informe", "--motor", motor, *argv)


def _los_dos(
    capsys: pytest.CaptureFixture[str], carpeta: Path, formato: str, *argv: str
) -> tuple[tuple[int, str, str, bytes], tuple[int, str, str, bytes]]:
    """Lo que da cada motor (puro, auto) con ``--formato formato``: código, salida, errores
    y, en el libro (xlsx, que exige --salida), sus bytes (escritos en el mismo camino, para
    que el aviso sea el mismo)."""
    vistos = []
    for motor in ("puro", "auto"):
        if formato != "xlsx":
            vistos.append((*_por_motor(capsys, motor, *argv, "--formato", formato), b""))
            continue
        libro = carpeta / "informe.xlsx"
        argv_libro = (*argv, "--formato", formato, "--salida", str(libro))
        codigo, salida, error = _por_motor(capsys, motor, *argv_libro)
        contenido = libro.read_bytes() if libro.exists() else b""
        libro.unlink(missing_ok=True)
        vistos.append((codigo, salida, error, contenido))
    return vistos[0], vistos[1]


@pytest.mark.parametrize("formato", FORMATOS_COLUMNAS)
@pytest.mark.parametrize("periodo", ["2012-01", "2012-03", "2012-06", "2012-12"])
def test_r23_columnas_mismos_bytes_que_puro_en_el_ejemplo(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, formato: str, periodo: str
) -> None:
    argv = ("--datos", str(EJEMPLO), "--periodo", periodo)
    puro, columnas = _los_dos(capsys, tmp_path, formato, *argv)
    assert puro[0] == EXITO
    assert columnas == puro
    _, _, error = _por_motor(capsys, "auto", *argv, "--formato", "csv", "-v")
    assert "motor: columnas (polars y tablas)" in error


@pytest.mark.parametrize("formato", FORMATOS_COLUMNAS)
def test_columnas_filtrado_mismos_bytes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, formato: str
) -> None:
    argv = ("--datos", str(EJEMPLO), "--regional", "Huila")
    puro, columnas = _los_dos(capsys, tmp_path, formato, *argv)
    assert puro[0] == EXITO
    assert columnas == puro


def test_columnas_escribe_todos_los_formatos() -> None:
    from sena_relacionamiento.io import escritores, lector_columnas

    assert sorted(lector_columnas.FORMATOS) == sorted(escritores.FORMATOS)
    assert sorted(FORMATOS_COLUMNAS) == sorted(escritores.FORMATOS)


def test_detalle_dice_que_motor_corrio(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("--datos", str(EJEMPLO), "--formato", "csv", "-v")
    _, _, error = _por_motor(capsys, "auto", *argv)
    assert "motor: columnas (polars y tablas)" in error
    _, _, error = _por_motor(capsys, "puro", *argv)
    assert "motor: puro (registros en Python); se pidió --motor puro" in error


@pytest.mark.parametrize("mes", range(1, 13))
def test_r23_columnas_mismo_detalle_y_excluidos_que_puro(mes: int) -> None:
    """Cada resultado, con su detalle, es el de la vía pura, y los excluidos son los mismos
    registros con los mismos motivos (R23)."""
    _mismo_informe(EJEMPLO, Periodo(2012, mes))


def _mismo_informe(carpeta: Path, periodo: Periodo) -> None:
    from sena_relacionamiento.io import lector_columnas
    from sena_relacionamiento.io.entrada import leer_datos

    puro = informe(leer_datos(carpeta), periodo)
    columnas = lector_columnas.informe_por_columnas(
        carpeta, periodo, PARAMETROS_2012, excluidos=True
    )
    assert list(columnas.tableros) == list(puro.tableros)
    assert columnas.resumen_excluidos() == puro.resumen_excluidos()
    assert columnas.registros == puro.registros
    assert columnas.excluidos == puro.excluidos
    assert columnas == puro
    # Sin excluidos=True, solo las cuentas: los registros no se piden.
    cuentas = lector_columnas.informe_por_columnas(carpeta, periodo, PARAMETROS_2012)
    assert cuentas.resumen_excluidos() == puro.resumen_excluidos()
    with pytest.raises(NotImplementedError, match="solo se cuentan los registros excluidos"):
        _ = cuentas.excluidos


def test_r23_repetidos_mismos_excluidos(tmp_path: Path) -> None:
    """Las filas repetidas (un gestor, una asignación, una solicitud, un servicio) se
    excluyen por columnas como por la vía pura: los mismos registros."""
    carpeta = _copia_del_ejemplo(tmp_path)
    for archivo, lineas in (("gestores.csv", [1]), ("asignaciones.csv", [1, 1, 2])):
        ruta = carpeta / archivo
        texto = ruta.read_text("utf-8-sig").splitlines()
        ruta.write_text("\n".join([*texto, *(texto[i] for i in lineas)]) + "\n", "utf-8")
    for archivo in ("solicitudes.csv", "servicios.csv"):
        ruta = carpeta / archivo
        texto = ruta.read_text("utf-8-sig").splitlines()
        ruta.write_text("\n".join([*texto, *texto[1:4]]) + "\n", "utf-8")
    # Un servicio con otra grafía y otras fechas (R33): cuenta el primero en el orden de los
    # registros, no el primero leído.
    ruta = carpeta / "servicios.csv"
    with ruta.open("a", encoding="utf-8") as salida:
        salida.write("860010404;20/03/2012;agencia publica de empleo;bog-01\n")
        salida.write("860010404;01/03/2012;AGENCIA PÚBLICA DE EMPLEO ;bog-01\n")
    # Pesos con centavos (una columna decimal por columnas) en los ambientes (AF, R5).
    with (carpeta / "ambientes.csv").open("a", encoding="utf-8") as salida:
        salida.write("bog-01;15/03/2012;$ 1.234,50;1\n")
    _mismo_informe(carpeta, Periodo(2012, 3))


def _copia_del_ejemplo(tmp_path: Path) -> Path:
    carpeta = tmp_path / "datos"
    shutil.copytree(EJEMPLO, carpeta, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return carpeta


def test_columnas_no_lee_comillas_y_auto_usa_puro(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    carpeta = _copia_del_ejemplo(tmp_path)
    eventos = carpeta / "eventos.csv"
    eventos.write_text(eventos.read_text("utf-8-sig").replace("bog-01", '"bog-01"'), "utf-8")
    argv = ("--datos", str(carpeta), "--formato", "csv")
    codigo, salida, error = _por_motor(capsys, "auto", *argv, "-v")
    assert codigo == EXITO
    assert "motor: puro (registros en Python); la vía por columnas no lo lee: eventos.csv" in error
    assert salida == _por_motor(capsys, "puro", *argv)[1]
    codigo, _, error = _por_motor(capsys, "columnas", *argv)
    assert codigo == ERROR_DE_USO
    assert "eventos.csv tiene comillas" in error


def test_columnas_no_lee_libros_y_auto_usa_puro(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import openpyxl  # type: ignore[import-untyped]

    carpeta = _copia_del_ejemplo(tmp_path)
    libro = openpyxl.Workbook()
    hoja = libro.active
    for linea in (carpeta / "gestores.csv").read_text("utf-8-sig").splitlines():
        hoja.append(linea.split(";"))
    libro.save(carpeta / "gestores.xlsx")
    (carpeta / "gestores.csv").unlink()
    argv = ("--datos", str(carpeta), "--formato", "csv")
    _, _, error = _por_motor(capsys, "auto", *argv, "-v")
    assert "la vía por columnas no lo lee: gestores.xlsx es un libro de Excel" in error
    assert _por_motor(capsys, "auto", *argv) == _por_motor(capsys, "puro", *argv)


def test_serie_solo_puro(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("serie", "--desde", "2012-01", "--hasta", "2012-02")
    codigo, _, error = _correr(capsys, *argv, "--motor", "columnas")
    assert codigo == ERROR_DE_USO
    assert "la serie se calcula solo por la vía pura" in error
    codigo, _, error = _correr(capsys, *argv, "--motor", "auto", "-v")
    assert codigo == EXITO
    assert "motor: puro (registros en Python)" in error


@pytest.mark.parametrize("caso", CASOS_ROTOS)
def test_corpus_roto_mismos_errores_por_los_dos_motores(
    capsys: pytest.CaptureFixture[str], caso: str
) -> None:
    argv = ("--datos", str(CORPUS / caso), "--formato", "csv")
    assert _por_motor(capsys, "auto", *argv) == _por_motor(capsys, "puro", *argv)


# --- Sin el extra «tablas» (subprocesos: se bloquea polars y narwhals al importar) ---

_SIN_TABLAS = """
import sys
for paquete in ("polars", "narwhals", "duckdb"):
    sys.modules[paquete] = None
from sena_relacionamiento.cli import main
codigo = main(sys.argv[1:])
importados = [p for p in ("polars", "narwhals", "duckdb") if sys.modules.get(p) is not None]
print("importados:", importados, file=sys.stderr)
sys.exit(codigo)
"""


def _sin_tablas(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _SIN_TABLAS, *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_sin_el_extra_columnas_es_error_de_uso_que_dice_que_instalar() -> None:
    hecho = _sin_tablas("informe", "--datos", str(EJEMPLO), "--motor", "columnas")
    assert hecho.returncode == ERROR_DE_USO
    assert "pip install 'sena-relacionamiento[tablas]'" in hecho.stderr
    assert "no están instalados" in hecho.stderr


def test_sin_el_extra_auto_es_puro_y_no_importa_polars(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ("informe", "--datos", str(EJEMPLO), "--formato", "csv")
    hecho = _sin_tablas(*argv, "-v")
    assert hecho.returncode == EXITO
    assert "motor: puro (registros en Python); el extra «tablas» no está instalado" in hecho.stderr
    assert "importados: []" in hecho.stderr
    assert hecho.stdout == _correr(capsys, *argv, "--motor", "puro")[1]


# --- Carpetas generadas, también rotas: los dos motores dan lo mismo ---

_CELDAS = st.sampled_from(
    [
        "",
        " ",
        "xx",
        "31/02/2012",
        "25/03/2012",
        "2012-06-25 22:00",
        "10/03/2012 10:00 p. m.",
        "1.000",
        "-2",
        "$ 1.000.000",
        "1.234,50",
        "sí",
        "NO",
        "Huila",
        "bogota",
        "Estratégico",
        "telefonico",
        "900.123.456-8",
        "900123456-1",
        "g1",
    ]
)


@st.composite
def _carpeta(draw: st.DrawFn) -> dict[str, bytes]:
    archivos = {
        p.name: p.read_text("utf-8-sig") for p in sorted(EJEMPLO.iterdir()) if p.suffix == ".csv"
    }
    for _ in range(draw(st.integers(0, 3))):
        nombre = draw(st.sampled_from(sorted(archivos)))
        lineas = archivos[nombre].split("\n")
        if len(lineas) > 2:
            i = draw(st.integers(1, len(lineas) - 2))
            celdas = lineas[i].split(";")
            j = draw(st.integers(0, len(celdas) - 1))
            accion = draw(st.sampled_from(["celda", "blanca", "corta", "larga"]))
            if accion == "celda":
                celdas[j] = draw(_CELDAS)
                lineas[i] = ";".join(celdas)
            elif accion == "blanca":
                lineas.insert(i, draw(st.sampled_from(["", ";;", "  "])))
            elif accion == "corta":
                lineas[i] = ";".join(celdas[:j])
            else:
                lineas[i] += ";x"
        archivos[nombre] = "\n".join(lineas)
    salida = {}
    for nombre, texto in archivos.items():
        if draw(st.booleans()):
            texto = texto.replace(";", ",")
        codificacion = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
        salida[nombre] = texto.encode(codificacion, errors="replace")
    return salida


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(archivos=_carpeta(), mes=st.integers(1, 12), formato=st.sampled_from(FORMATOS_COLUMNAS))
def test_r23_carpetas_generadas_mismos_bytes_y_errores(
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
    archivos: dict[str, bytes],
    mes: int,
    formato: str,
) -> None:
    carpeta = tmp_path_factory.mktemp("datos")
    for nombre, contenido in archivos.items():
        (carpeta / nombre).write_bytes(contenido)
    argv = ("--datos", str(carpeta), "--periodo", f"2012-{mes:02d}")
    puro, columnas = _los_dos(capsys, tmp_path_factory.mktemp("salida"), formato, *argv)
    assert columnas == puro
    if puro[0] != EXITO:
        return  # un error en los datos (también una contradicción entre registros)
    from sena_relacionamiento.io import lector_columnas

    try:
        lector_columnas.leer_tablas(carpeta)
    except (lector_columnas.NoSoportado, lector_columnas.HayUnError):
        return
    _mismo_informe(carpeta, Periodo(2012, mes))


def _celdas_de_las_dos_lecturas(contenido: bytes, nombre: str) -> tuple[object, object]:
    """Las celdas de un CSV por la lectura rápida (o `None`) y por la de línea en línea (o el
    tipo de la excepción que da), con ``_fila``; la rápida sin el ``\\r`` final de una
    línea, que la conversión quita."""
    import polars as pl

    from sena_relacionamiento.io import csv_lector, lector_columnas

    clase = csv_lector.ARCHIVOS[nombre][1]
    datos = lector_columnas._texto(contenido, nombre, pl)
    rapida = lector_columnas._celdas_rapidas(datos, clase, pl, con_fila=True)
    try:
        lenta: object = lector_columnas._celdas(datos, nombre, clase, pl, con_fila=True)
    except (lector_columnas.NoSoportado, lector_columnas.HayUnError) as error:
        lenta = type(error)
    return rapida, lenta


def _mismas_celdas(rapida: object, lenta: object) -> None:
    import polars as pl

    assert isinstance(rapida, tuple)
    assert isinstance(lenta, tuple)
    sin_r = [pl.col(c).str.strip_chars_end("\r") for c in rapida[3]]
    assert rapida[0].equals(lenta[0].with_columns(sin_r))
    assert {c: sorted(v) for c, v in rapida[1].items()} == {
        c: sorted(t.rstrip("\r") for t in v) for c, v in lenta[1].items()
    }
    assert rapida[2:] == lenta[2:]


_GESTORES = "id;rol;regional\r\nhui-01;Empresarial;Huila\r\nhui-02;Empresarial;Huila\r\n"


@pytest.mark.parametrize(
    ("contenido", "rapida"),
    [
        (_GESTORES, True),
        ("\n\nsep=;\n;;\n" + _GESTORES + "  ;  ;\nbog-01;Estratégico;Bogotá\n", True),
        (_GESTORES + "bog-01;Estratégico", False),  # una fila cortada
        (_GESTORES + "bog-01;Estratégico;Bogotá;x\n", False),  # un separador de más
        (_GESTORES + "\nbog-01;Estratégico;Bogotá\n", False),  # una línea vacía
        ("id;rol;region\nhui-01;Empresarial;Huila\n", False),  # un encabezado malo
        ("id;rol;regional\nhui-01;Empresarial;Huila", False),  # una sola fila
        ("sep=;\nid;rol;regional\n \n\n", False),  # nada tras el encabezado
        # La primera fila empieza en blanco: polars 1.x lo quitaría, la lenta lo guarda.
        ("id;rol;regional\n hui-01;Empresarial;Huila\nhui-02;Empresarial;Huila\n", False),
        ("id;rol;regional\n\t;Empresarial;Huila\nhui-02;Empresarial;Huila\n", False),
        ("id;rol;regional\n\r\nhui-01;Empresarial;Huila\nhui-02;Empresarial;Huila\n", False),
        # Cada línea cabe en el límite, la suma de las celdas más largas no: la lenta mide.
        (
            f"id;rol;regional\n{'a' * 20_000};Empresarial;Huila\nb;Empresarial;{'H' * 20_000}\n",
            False,
        ),
    ],
)
def test_lectura_rapida_mismas_celdas_que_linea_a_linea(contenido: str, rapida: bool) -> None:
    leidas, lenta = _celdas_de_las_dos_lecturas(contenido.encode(), "gestores.csv")
    assert (leidas is not None) == rapida
    if leidas is not None:
        _mismas_celdas(leidas, lenta)


@settings(max_examples=40, deadline=None)
@given(archivos=_carpeta())
def test_lectura_rapida_mismas_celdas_en_carpetas_generadas(archivos: dict[str, bytes]) -> None:
    from sena_relacionamiento.io import lector_columnas

    for nombre, contenido in archivos.items():
        try:
            rapida, lenta = _celdas_de_las_dos_lecturas(contenido, nombre)
        except (lector_columnas.NoSoportado, lector_columnas.HayUnError):
            continue
        if rapida is not None:
            _mismas_celdas(rapida, lenta)


@settings(max_examples=200, deadline=None)
@given(datos=st.data())
def test_textos_tal_cual_los_da_el_conversor_sin_cambios(datos: st.DataObject) -> None:
    """Lo que las lecturas no pasan por el conversor (`csv_lector._TAL_CUAL`) es lo que el
    conversor del registro da tal cual, sin error."""
    from sena_relacionamiento.io import csv_lector

    conversor, patron = datos.draw(st.sampled_from(sorted(csv_lector._TAL_CUAL.items(), key=str)))
    texto = datos.draw(st.from_regex(patron.replace("$", r"\Z"), fullmatch=True))
    assert conversor(texto) == texto  # type: ignore[operator]


@settings(max_examples=300, deadline=None)
@given(
    contenido=st.binary(max_size=40)
    | st.text(max_size=20).map(lambda t: t.encode("utf-8", errors="surrogatepass"))
)
def test_es_utf8_lo_que_decode_acepta(contenido: bytes) -> None:
    import polars as pl

    from sena_relacionamiento.io import lector_columnas

    try:
        contenido.decode("utf-8")
    except UnicodeDecodeError:
        acepta = False
    else:
        acepta = True
    assert lector_columnas._es_utf8(contenido, pl) == acepta


# --- Lo que la vía por columnas no lee, uno por uno ---


@pytest.mark.parametrize(
    ("contenido", "motivo"),
    [
        ("id;rol;regional\n".encode("utf-16"), "está en UTF-16"),
        (b"id;rol;regional\r\nhui-01;Empresarial;Huila\rx\r\n", "\\r sueltos"),
        (b"id;rol;regional\nhui-01;Empresarial;Huila\x1f\n", "0x1F"),
        (b"id;rol;regional\nhui-01;Empresarial;" + b"H" * 40_000 + b"\n", "muy largas"),
        (b"sep=|\nid|rol|regional\nhui-01|Empresarial|Huila\n", "separador '|'"),
    ],
)
def test_no_soportado_cada_motivo(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, contenido: bytes, motivo: str
) -> None:
    carpeta = _copia_del_ejemplo(tmp_path)
    (carpeta / "gestores.csv").write_bytes(contenido)
    argv = ("--datos", str(carpeta), "--formato", "csv")
    _, _, error = _por_motor(capsys, "auto", *argv, "-v")
    assert "la vía por columnas no lo lee: gestores.csv" in error
    assert motivo in error
    assert _por_motor(capsys, "auto", *argv) == _por_motor(capsys, "puro", *argv)


def test_sin_gestores_usa_puro(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    carpeta = _copia_del_ejemplo(tmp_path)
    (carpeta / "gestores.csv").unlink()
    argv = ("--datos", str(carpeta), "--formato", "csv")
    _, _, error = _por_motor(capsys, "auto", *argv, "-v")
    assert "faltan gestores.csv o asignaciones.csv" in error
    assert _por_motor(capsys, "auto", *argv) == _por_motor(capsys, "puro", *argv)


def test_un_libro_como_datos_usa_puro(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import openpyxl

    libro = openpyxl.Workbook()
    libro.active.title = "gestores"
    libro.active.append(["id", "rol", "regional"])
    libro.active.append(["hui-01", "Empresarial", "Huila"])
    libro.create_sheet("asignaciones").append(["gestor", "nit"])
    ruta = tmp_path / "datos.xlsx"
    libro.save(ruta)
    argv = ("--datos", str(ruta), "--formato", "csv")
    _, _, error = _por_motor(capsys, "auto", *argv, "-v")
    assert "--datos no es una carpeta" in error
    assert _por_motor(capsys, "auto", *argv) == _por_motor(capsys, "puro", *argv)


@pytest.mark.parametrize(
    ("archivo", "fila"),
    [
        # Una solicitud gestionada antes de recibida; una empresa que monetiza sin cuota.
        ("solicitudes.csv", "s-99;10/03/2012;Formación a la medida;Huila;;;01/03/2012"),
        ("cuotas.csv", "900.123.456-8;0;sí;"),
    ],
)
def test_comprobaciones_entre_campos_mismo_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, archivo: str, fila: str
) -> None:
    carpeta = _copia_del_ejemplo(tmp_path)
    ruta = carpeta / archivo
    ruta.write_text(ruta.read_text("utf-8-sig").rstrip("\n") + "\n" + fila + "\n", "utf-8")
    argv = ("--datos", str(carpeta), "--formato", "csv")
    puro = _por_motor(capsys, "puro", *argv)
    assert puro[0] == 3
    assert _por_motor(capsys, "columnas", *argv) == puro


@pytest.mark.parametrize("contenido", ["", "\n\n", ";;;\n  ;  \n", "sep=;\n"])
def test_r23_archivo_sin_filas_mismo_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, contenido: str
) -> None:
    carpeta = _copia_del_ejemplo(tmp_path)
    (carpeta / "contactos.csv").write_text(contenido, "utf-8")
    argv = ("--datos", str(carpeta), "--formato", "csv")
    puro = _por_motor(capsys, "puro", *argv)
    assert puro[0] == 3
    assert _por_motor(capsys, "columnas", *argv) == puro


def test_motor_disponible_sin_los_paquetes(monkeypatch: pytest.MonkeyPatch) -> None:
    import polars  # noqa: F401  (importado: se mira sys.modules)

    from sena_relacionamiento import _cli_datos

    assert _cli_datos.motor_disponible()
    monkeypatch.setattr(_cli_datos, "_PAQUETES", ("paquete_que_no_existe_15",))
    assert not _cli_datos.motor_disponible()
    # Instalado y sin importar: se busca sin importarlo.
    monkeypatch.delitem(sys.modules, "antigravity", raising=False)
    monkeypatch.setattr(_cli_datos, "_PAQUETES", ("antigravity", "paquete_que_no_existe_15"))
    assert not _cli_datos.motor_disponible()
    assert "antigravity" not in sys.modules
    monkeypatch.setattr(_cli_datos, "_PAQUETES", ("polars",))
    monkeypatch.setitem(sys.modules, "polars", None)
    assert not _cli_datos.motor_disponible()


def test_sin_el_extra_en_el_proceso(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sena_relacionamiento import _cli_datos

    monkeypatch.setattr(_cli_datos, "_PAQUETES", ("paquete_que_no_existe_15",))
    codigo, _, error = _por_motor(capsys, "columnas", "--formato", "csv")
    assert codigo == ERROR_DE_USO
    assert "pip install 'sena-relacionamiento[tablas]'" in error
    codigo, _, error = _por_motor(capsys, "auto", "--formato", "csv", "-v")
    assert codigo == EXITO
    assert "el extra «tablas» no está instalado" in error


def test_sin_datos_es_puro_con_datos_de_ejemplo(capsys: pytest.CaptureFixture[str]) -> None:
    codigo, _, error = _por_motor(capsys, "auto", "--formato", "csv", "-v")
    assert codigo == EXITO
    assert "los datos de ejemplo son registros" in error
    codigo, _, _ = _correr(capsys, "serie", "--desde", "2012-01", "--hasta", "2012-01")
    assert codigo == EXITO


def test_periodo_de_otra_vigencia_mismo_error_de_uso(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("--datos", str(EJEMPLO), "--formato", "csv", "--periodo", "2013-03")
    puro = _por_motor(capsys, "puro", *argv)
    assert puro[0] == ERROR_DE_USO
    assert _por_motor(capsys, "columnas", *argv) == puro


# --- Progreso (en una terminal): una línea por archivo, también por columnas ---


class _Terminal(io.StringIO):
    """Una salida de errores que dice ser una terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("roto", [False, True])
def test_progreso_por_columnas_una_vez_por_archivo(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, roto: bool
) -> None:
    """Por columnas, el mismo progreso que por la vía pura; si un error en los datos hace
    volver a leer la carpeta por la vía pura, ningún archivo se dice dos veces."""
    carpeta = _copia_del_ejemplo(tmp_path)
    if roto:
        eventos = carpeta / "eventos.csv"
        lineas = eventos.read_text("utf-8-sig").splitlines()
        lineas[1] = lineas[1].replace(lineas[1].split(";")[1], "31/02/2012", 1)
        eventos.write_text("\n".join(lineas) + "\n", "utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    codigo = main(["informe", "--datos", str(carpeta), "--formato", "json"])
    monkeypatch.undo()
    lineas = [linea for linea in terminal.getvalue().splitlines() if "registros leídos" in linea]
    archivos = sorted(p.name for p in carpeta.iterdir())
    assert len(lineas) == len(set(lineas))
    if roto:
        assert codigo == 3
        assert "eventos.csv, línea 2" in terminal.getvalue()
        assert len(lineas) == len(archivos) - 1
    else:
        assert codigo == EXITO
        assert len(lineas) == len(archivos)


def test_un_campo_vacio_se_lee_como_texto_vacio_con_el_polars_instalado() -> None:
    import polars as pl

    from sena_relacionamiento.io import lector_columnas

    esquema = {"a": pl.String, "b": pl.String}
    leer: Any = pl.read_csv  # el argumento de vacíos cambia de nombre según la versión
    celdas = leer(
        io.BytesIO(b"a;b\n;x\n"),
        separator=";",
        quote_char=None,
        schema=esquema,
        **lector_columnas._vacio_es_texto(pl),
    )
    assert celdas.to_dicts() == [{"a": "", "b": "x"}]


def test_un_polars_anterior_recibe_el_nombre_viejo_del_argumento_de_vacios() -> None:
    from types import SimpleNamespace

    from sena_relacionamiento.io import lector_columnas

    def read_csv(datos: object, *, missing_utf8_is_empty_string: bool = False) -> None:
        """La firma de `polars.read_csv` hasta 1.x, en lo que importa aquí."""

    viejo = SimpleNamespace(read_csv=read_csv)
    assert lector_columnas._vacio_es_texto(viejo) == {"missing_utf8_is_empty_string": True}
