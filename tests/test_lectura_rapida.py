"""La lectura rápida de CSV (issue 15) da lo mismo que la lenta, celda por celda.

La vía rápida convierte cada texto distinto de una columna una sola vez y construye los
registros sin volver a validar; ante cualquier problema, la fila pasa por la vía lenta de
siempre (`_registro`). Aquí la vía lenta se fuerza en todas las filas (cada conversión «falla»)
y se compara: los mismos registros, con las mismas líneas, o el mismo error, con el mismo
mensaje, campo, valor y origen.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.io import csv_lector
from sena_relacionamiento.io.csv_lector import ARCHIVOS, columnas

# Por columna: celdas buenas (vacía, si la columna es opcional, también vale) y malas.
_CELDAS: dict[str, tuple[list[str], list[str]]] = {
    "id": (["g1", " g2 ", "CRM-1"], [""]),
    "gestor": (["g1", "g2", "g1 "], ["", "  "]),
    "nit": (["900123456", "900.123.456-8", "0900123456"], ["900.123.456-1", "0", "abc", ""]),
    "rol": (["Empresarial", "ESTRATÉGICO"], ["jefe", ""]),
    "regional": (["Huila", "41", "Bogotá D.C."], ["Boyara", ""]),
    "fecha": (["10/03/2012", "2012-03-10", "2012-03-10 22:00"], ["31/02/2012", "10/03/12", ""]),
    "fecha_gestion": (["10/03/2012", "2012-04-01", ""], ["09/03/2012", "ayer"]),
    "tipo": (["Nuevo", "mantenimiento"], ["otro", ""]),
    "medio": (["Visita", "telefonico"], ["correo", ""]),
    "servicio": (["Formación", "formacion "], [""]),
    "valor": (["$ 1.000.000", "2.500,50"], ["2.50", "-5", ""]),
    "cantidad": (["1", "1.200", ""], ["0", "x"]),
    "asistentes": (["35", "0"], ["-2", "1.2", ""]),
    "formados": (["3", ""], ["9" * 19]),
    "empleos": (["0", ""], ["-1"]),
    "cuota_regulada": (["2", "3"], ["no"]),
    "obligada": (["sí", "NO"], ["tal vez", ""]),
    "monetiza": (["no", "NO"], ["quizá", "sí"]),
    "razon": (["Convocatoria", " a  b "], [""]),
    "nombre": (["Ana Ruiz", " a  b ", ""], ["  "]),
}


def _celda(nombre: str) -> st.SearchStrategy[str]:
    buenas, malas = _CELDAS[nombre]
    return st.integers(0, 60).flatmap(
        lambda k: st.sampled_from(malas) if k == 0 else st.sampled_from(buenas)
    )


@st.composite
def _csv(draw: st.DrawFn) -> tuple[str, bytes]:
    archivo = draw(st.sampled_from(sorted(ARCHIVOS)))
    obligatorias, opcionales = columnas(ARCHIVOS[archivo][1])
    extra = draw(st.lists(st.sampled_from(opcionales), unique=True)) if opcionales else []
    nombres = draw(st.permutations([*obligatorias, *extra]))
    fila = st.tuples(*(_celda(n) for n in nombres)).map(list)
    # A veces una fila corta o con una celda de más.
    forma = st.integers(0, 80).map(
        lambda k: None if k == 0 else slice(None, -1 if k == 1 else None)
    )
    filas = draw(st.lists(st.tuples(fila, forma), max_size=12))
    renglones = [";".join(nombres)]
    for celdas, corte in filas:
        renglones.append(";".join(celdas[corte] if corte else [*celdas, "sobra"]))
    return archivo, ("\n".join(renglones) + "\n").encode()


def _leer(contenido: bytes, archivo: str) -> tuple[str, Any]:
    clase = ARCHIVOS[archivo][1]
    try:
        registros, lineas = csv_lector._leer(contenido, archivo, clase)
    except DatoInvalido as error:
        return "error", (str(error), error.campo, error.valor, error.origen)
    return "registros", (registros, list(lineas))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(caso=_csv())
def test_la_via_rapida_da_lo_mismo_que_la_lenta(
    caso: tuple[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    archivo, contenido = caso
    rapida = _leer(contenido, archivo)

    def siempre_lenta(*_: object) -> Any:
        def convertir(celda: str) -> object:
            raise csv_lector._Lento

        return csv_lector._Memoria(convertir)

    with monkeypatch.context() as m:
        m.setattr(csv_lector, "_conversion", siempre_lenta)
        lenta = _leer(contenido, archivo)
    assert rapida == lenta


# --- La lectura por líneas (sin `csv.reader`) da lo mismo que `csv.reader` ---

_VACIAS = ("", ";;", "  ", " ; ", "\t")


@st.composite
def _csv_con_formas(draw: st.DrawFn) -> tuple[str, bytes]:
    """Un CSV de `_csv` con otros finales de línea (``\\r\\n``, ``\\r`` sueltos, mezclados),
    filas vacías, la línea ``sep=;``, a veces unas comillas o una celda enorme."""
    archivo, contenido = draw(_csv())
    renglones = contenido.decode().split("\n")
    for _ in range(draw(st.integers(0, 3))):
        renglones.insert(draw(st.integers(0, len(renglones))), draw(st.sampled_from(_VACIAS)))
    if draw(st.booleans()):
        renglones.insert(0, "sep=;")
    rara = draw(st.integers(0, 20))
    if rara == 1 and len(renglones) > 1:
        renglones[-2] += ';"x"'
    elif rara == 2 and len(renglones) > 1:
        renglones[1] += "x" * (csv_lector.LIMITE_CELDA + 1)
    fin = draw(st.sampled_from(["\n", "\r\n", "\r", "mezcla"]))
    if fin == "mezcla":
        texto = "".join(r + draw(st.sampled_from(["\n", "\r\n", "\r"])) for r in renglones)
    else:
        texto = fin.join(renglones)
    return archivo, ("\ufeff" + texto).encode()


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    caso=_csv_con_formas(),
    bloque=st.sampled_from([csv_lector._BLOQUE, 1, 7, 40]),
    limite=st.sampled_from([csv_lector._LIMITE_GRUPO, 0, 1]),
)
def test_r23_la_lectura_por_lineas_da_lo_mismo_que_csv_reader(
    caso: tuple[str, bytes], bloque: int, limite: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Los mismos registros, con las mismas líneas, o el mismo error: la lectura por líneas
    (partidas por bloques de cualquier tamaño, con las últimas columnas de pocos valores
    buscadas juntas o, pasado el límite de su memoria, una por una) no pierde ni inventa
    filas (R23)."""
    archivo, contenido = caso
    with monkeypatch.context() as m:
        m.setattr(csv_lector, "_BLOQUE", bloque)
        m.setattr(csv_lector, "_LIMITE_GRUPO", limite)
        por_lineas = _leer(contenido, archivo)
    with monkeypatch.context() as m:
        m.setattr(csv_lector, "_leer_por_lineas", lambda *_: None)
        con_csv = _leer(contenido, archivo)
    assert por_lineas == con_csv


@pytest.mark.parametrize(
    ("texto", "fin"),
    [
        ("a;b\nc;d\n", "\n"),
        ("a;b\r\nc;d\r\n", "\r\n"),
        ("a;b\r\nc;d\n", None),  # mezclados
        ("a;b\rc;d\r", None),  # `\r` sueltos
        ("a;b\r\r\nc;d\r\n", None),
        ('a;"b"\nc;d\n', None),  # comillas: las lee `csv.reader`
        ("a;b\x00\nc;d\n", None),
    ],
)
def test_el_fin_de_linea_que_parte_como_csv_reader(texto: str, fin: str | None) -> None:
    assert csv_lector._fin_de_linea(texto) == fin


def test_la_lectura_por_lineas_no_sirve_sin_encabezado_ni_con_celdas_enormes() -> None:
    clase = ARCHIVOS["asignaciones.csv"][1]
    limite = csv_lector.LIMITE_CELDA

    def por_lineas(texto: str) -> Any:
        return csv_lector._leer_por_lineas(texto, "asignaciones.csv", clase, ";", 0, limite, {})

    assert por_lineas("\n;;\n") is None
    assert por_lineas("gestor;nit\ng1;" + "9" * (limite + 1) + "\n") is None
    leido = por_lineas("gestor;nit\n\ng1;900123456\n")
    assert leido is not None
    registros, lineas = leido
    assert [r.nit for r in registros] == ["900123456"]
    assert list(lineas) == [3]


@pytest.mark.parametrize("activo", [True, False])
def test_sin_recolector_deja_el_recolector_como_estaba(activo: bool) -> None:
    import gc

    antes = gc.isenabled()
    try:
        (gc.enable if activo else gc.disable)()
        with csv_lector._sin_recolector():
            assert not gc.isenabled()
        assert gc.isenabled() is activo
        with pytest.raises(ZeroDivisionError), csv_lector._sin_recolector():
            1 / 0  # noqa: B018
        assert gc.isenabled() is activo
    finally:
        (gc.enable if antes else gc.disable)()


@pytest.mark.parametrize("limite", [csv_lector._LIMITE_GRUPO, 0, 2])
@pytest.mark.parametrize(
    "fila",
    [
        "g1;900123456;10/03/2012;Nuevo;Visita",  # la buena
        "g1;900123456;10/03/2012;Nuevo;Visita;sobra",  # una celda de más en el grupo
        "g1;900123456;10/03/2012;Nuevo",  # una de menos
        "g1;900123456",  # sin el grupo
        "g1;900123456;31/02/2012;Nuevo;Visita",  # una fecha mala en el grupo
        "g1;900123456;10/03/2012;Nuevo;correo",  # un medio malo
        ";;;;",
    ],
)
def test_las_columnas_de_pocos_valores_juntas_dan_lo_mismo(
    fila: str, limite: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fecha, tipo y medio de los contactos se buscan juntos (`_juntas`, `_grupo`): con la
    memoria del grupo o sin ella (pasado `_LIMITE_GRUPO`), una fila buena, corta, larga o
    con una celda mala da lo mismo que `csv.reader`."""
    assert csv_lector._juntas(("gestor", "nit", "fecha", "tipo", "medio")) == 3
    assert csv_lector._juntas(("nit", "fecha", "servicio")) == 0
    assert csv_lector._juntas(("gestor", "nit", "medio")) == 0
    assert csv_lector._juntas(("fecha", "tipo")) == 2  # todas de pocos valores
    buena = "g2;800.123.456;11/03/2012;mantenimiento;telefonico"
    contenido = "\n".join(["gestor;nit;fecha;tipo;medio", buena, buena, fila, buena, fila, ""])
    with monkeypatch.context() as m:
        m.setattr(csv_lector, "_BLOQUE", 30)
        m.setattr(csv_lector, "_LIMITE_GRUPO", limite)
        por_lineas = _leer(contenido.encode(), "contactos.csv")
    with monkeypatch.context() as m:
        m.setattr(csv_lector, "_leer_por_lineas", lambda *_: None)
        con_csv = _leer(contenido.encode(), "contactos.csv")
    assert por_lineas == con_csv


_PEDAZOS = ("", ";", ",", " ", "\t", "\r", "\n", "\r\n", "sep=;", "SEP=,", "a,b", "x;y;z", "g\tz")


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    texto=st.lists(st.sampled_from(_PEDAZOS), max_size=12).map("".join),
    cabeza=st.integers(0, 30),
)
@example(texto="\n\na;b\n", cabeza=3)  # la línea cortada en la cabeza: se busca en todo
@example(texto="a;b\nc,d\n", cabeza=5)  # entera en la cabeza
@example(texto="\n;\n \n", cabeza=2)  # ninguna con algo
def test_el_separador_buscado_en_la_cabeza_es_el_de_todo_el_archivo(
    texto: str, cabeza: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`_separador` busca la primera línea con algo en los primeros `_CABEZA` caracteres y,
    si no está entera ahí, en todo el texto: da lo mismo que buscar siempre en todo."""
    entero = csv_lector._separador(texto)
    with monkeypatch.context() as m:
        m.setattr(csv_lector, "_CABEZA", cabeza)
        assert csv_lector._separador(texto) == entero


@pytest.mark.parametrize("activo", [True, False])
def test_leer_carpeta_sin_recolector_entre_archivos(activo: bool) -> None:
    """El recolector de ciclos queda apagado en toda la lectura de la carpeta (también entre
    un archivo y otro, cuando se avisa el avance) y, al terminar, como estaba (issue 15)."""
    import gc

    from sena_relacionamiento.datos_ejemplo import carpeta_de_ejemplo
    from sena_relacionamiento.io.csv_lector import leer_carpeta

    vistos: list[bool] = []
    antes = gc.isenabled()
    try:
        (gc.enable if activo else gc.disable)()
        leer_carpeta(carpeta_de_ejemplo(), avance=lambda _n, _c: vistos.append(gc.isenabled()))
        assert gc.isenabled() is activo
    finally:
        (gc.enable if antes else gc.disable)()
    assert len(vistos) > 1
    assert not any(vistos)
