"""La lectura por columnas de una carpeta de CSV (issue 15): polars lee cada archivo, cada
texto distinto de una columna se convierte una vez con el mismo conversor de la vía pura
(`csv_lector`) y las cifras las calcula `tablas` (`informe_tabular`), sin un registro por fila.

Uso interno de la línea de comandos (``--motor columnas``). Solo lee lo que puede leer igual
que la vía pura: CSV en UTF-8 (con o sin BOM) o Windows-1252, separados por ``,``, ``;`` o
tabulador, sin comillas, sin ``\\r`` sueltos y sin celdas de más de `LIMITE_CELDA`
caracteres. Lo demás (un libro de Excel, un CSV con comillas…) es `NoSoportado`, con el
motivo, y la línea de comandos usa la vía pura. Ante cualquier dato malo (una celda, una
fila cortada, una contradicción entre registros) es `HayUnError`: la vía pura vuelve a leer
la carpeta y da el mismo error, con el mismo mensaje, que da siempre.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs

from sena_relacionamiento.enumeraciones import EnumSena
from sena_relacionamiento.errores import DatoInvalido, ErrorSena
from sena_relacionamiento.informe import Informe, _consolidar, _Exclusiones
from sena_relacionamiento.io import csv_lector, escritores
from sena_relacionamiento.io.entrada import EXCEL, _entradas
from sena_relacionamiento.parametros import Parametros
from sena_relacionamiento.periodos import Periodo
from sena_relacionamiento.regionales import Regional
from sena_relacionamiento.tablas._esquema import FILA

__all__ = [
    "CON_EXCLUIDOS",
    "FORMATOS",
    "SIN_DETALLE",
    "Contadas",
    "Fuente",
    "HayUnError",
    "NoSoportado",
    "informe_por_columnas",
    "leer_lineas",
    "leer_tablas",
]


class NoSoportado(Exception):
    """La carpeta tiene algo que la vía por columnas no lee: la vía pura la lee."""


class HayUnError(Exception):
    """Los datos tienen un error: la vía pura lo da con su mensaje."""


_COLUMNA: Final = "linea"
_SEPARADOR_LINEA: Final = "\x1f"  # no aparece en la carpeta (se comprueba)


def _texto(contenido: bytes, nombre: str) -> bytes:
    """Los bytes en UTF-8 que lee polars, o `NoSoportado` / `HayUnError`."""
    if contenido.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise NoSoportado(f"{nombre} está en UTF-16")
    try:
        contenido.decode("utf-8")
    except UnicodeDecodeError:
        try:
            contenido = csv_lector._decodificar(contenido, nombre).encode("utf-8")
        except DatoInvalido:
            raise HayUnError from None
    if b"\x00" in contenido:
        raise HayUnError
    if b'"' in contenido:
        raise NoSoportado(f"{nombre} tiene comillas")
    if contenido.count(b"\r") != contenido.count(b"\r\n"):
        raise NoSoportado(f"{nombre} tiene saltos de línea \\r sueltos")
    # 0x1F separa las líneas al leerlas; 0x1C a 0x1E son espacios para Python y no para polars.
    if any(control in contenido for control in (b"\x1c", b"\x1d", b"\x1e", b"\x1f")):
        raise NoSoportado(f"{nombre} tiene caracteres de control (0x1C a 0x1F)")
    return contenido


def _valor_tabular(valor: object) -> object:
    """El valor convertido por el registro como lo lee `tablas`: un enum por su nombre, una
    regional por su código; lo demás tal cual."""
    if isinstance(valor, EnumSena):
        return valor.name
    if isinstance(valor, Regional):
        return valor.codigo
    return valor


def _tipo_polars(valores: list[object], pl: Any) -> Any:
    """El tipo polars de una columna con estos valores ya convertidos por el registro (las
    fechas son siempre `date` de Bogotá, R11; los pesos, `int` o `Decimal`, R5)."""
    tipos = {type(v) for v in valores}
    if bool in tipos:
        return pl.Boolean
    if date in tipos:
        return pl.Date
    if Decimal in tipos:
        exponentes = [v.as_tuple().exponent for v in valores if isinstance(v, Decimal)]
        return pl.Decimal(38, max(0, *(-e for e in exponentes if isinstance(e, int))))
    if int in tipos:
        return pl.Int64
    return pl.String


def leer_lineas(contenido: bytes, nombre: str, pl: Any) -> tuple[bytes, Any]:
    """Los bytes en UTF-8 de un CSV y sus líneas (una `polars.Series` de texto: la línea N
    del archivo es la posición N - 1), o `NoSoportado`/`HayUnError`."""
    datos = _texto(contenido, nombre)
    if not datos.strip():
        raise HayUnError  # vacío: la vía pura da el error (polars < 1.4 no lee bytes vacíos)
    return datos, pl.read_csv(
        datos,
        has_header=False,
        separator=_SEPARADOR_LINEA,
        quote_char=None,
        schema={_COLUMNA: pl.String},
    ).get_column(_COLUMNA)


@attrs.frozen
class Fuente:
    """De dónde salen las filas de una tabla: con esto se rehace el registro de una línea
    (`_excluidos_columnas`)."""

    ruta: Path
    clase: type[Any]
    separador: str
    nombres: tuple[str, ...]
    obligatorias: frozenset[str]


def _tabla(
    contenido: bytes,
    entrada: Path,
    clase: type[Any],
    pl: Any,
    memos: dict[tuple[object, ...], dict[str, object]],
    fuentes: dict[str, Fuente] | None = None,
    coleccion: str = "",
) -> Any:
    """El marco polars (tipado como lo lee `tablas`) de un CSV, o `NoSoportado`/`HayUnError`.
    Con `fuentes`, el marco lleva la línea de cada fila (``_fila``) y `fuentes` la `Fuente`
    de la tabla."""
    nombre = entrada.name
    datos, lineas = leer_lineas(contenido, nombre, pl)
    limite = min(csv_lector.LIMITE_CELDA, 131072)
    if len(lineas) and (lineas.str.len_chars().max() or 0) > limite:
        raise NoSoportado(f"{nombre} tiene líneas muy largas")
    separador, linea_sep = csv_lector._separador(datos.decode("utf-8-sig"))
    if separador not in (",", ";", "\t"):
        raise NoSoportado(f"{nombre} usa el separador {separador!r}")
    marco = pl.DataFrame({_COLUMNA: lineas}).with_row_index("_n", offset=1)
    # Fuera las filas sin nada (solo separadores y espacios) y la línea sep= de Excel. Una
    # fila que empieza con una letra o una cifra ASCII tiene algo; las demás se miran enteras.
    linea = pl.col(_COLUMNA)
    vacia = ~linea.str.contains(r"^[0-9A-Za-z]").fill_null(value=False) & linea.fill_null(
        ""
    ).str.replace_all(separador, "", literal=True).str.strip_chars().eq("")
    marco = marco.filter(~vacia & (pl.col("_n") != linea_sep))
    if marco.height == 0:
        raise HayUnError
    cabeza = marco.row(0)
    try:
        nombres, obligatorias = csv_lector._encabezado(
            cabeza[1].split(separador), nombre, clase, cabeza[0]
        )
    except DatoInvalido:
        raise HayUnError from None
    filas = marco.slice(1)
    separadores = linea.str.count_matches(separador, literal=True)
    if filas.height and filas.select(separadores.ne(len(nombres) - 1).any()).item():
        raise HayUnError  # una fila cortada o con un separador de más
    partes = linea.str.split_exact(separador, len(nombres) - 1)
    celdas = filas.select(
        *(partes.struct.field(f"field_{i}").alias(columna) for i, columna in enumerate(nombres)),
        *([pl.col("_n").alias(FILA)] if fuentes is not None else []),
    )
    columnas: dict[str, Any] = {}
    for columna in nombres:
        # La memoria de la vía pura, compartida entre archivos: un NIT de varios archivos se
        # convierte una vez.
        convertir, memoria = csv_lector._conversion(clase, columna, memos)
        mapa: dict[str, object] = {}
        for texto in celdas.get_column(columna).unique().to_list():
            try:
                valor = memoria[texto] if texto in memoria else convertir(texto)
            except (DatoInvalido, csv_lector._Lento):
                raise HayUnError from None
            memoria[texto] = valor
            mapa[texto] = _valor_tabular(valor)
        claves = list(mapa)
        valores = list(mapa.values())
        tipo = _tipo_polars(valores, pl)
        if tipo == pl.Decimal:
            valores = [None if v is None else Decimal(v) for v in valores]  # type: ignore[arg-type]
        columnas[columna] = pl.col(columna).replace_strict(
            claves, pl.Series(valores, dtype=tipo), return_dtype=tipo
        )
    tipada = celdas.select(
        *(expr.alias(c) for c, expr in columnas.items()),
        *([FILA] if fuentes is not None else []),
    )
    _entre_campos(tipada, clase, pl)
    if fuentes is not None:
        fuentes[coleccion] = Fuente(entrada, clase, separador, nombres, obligatorias)
    return tipada


def _entre_campos(marco: Any, clase: type[Any], pl: Any) -> None:
    """Las comprobaciones entre campos de los registros (``__attrs_post_init__``)."""
    nombre = clase.__name__
    antes = pl.col("fecha_gestion") < pl.col("fecha")
    if (
        nombre == "Solicitud"
        and "fecha_gestion" in marco.columns
        and marco.select(antes.any()).item()
    ):
        raise HayUnError
    monetiza = pl.col("monetiza") & (pl.col("cuota_regulada") == 0)
    if nombre == "EmpresaCuota" and marco.select(monetiza.any()).item():
        raise HayUnError


def leer_tablas(
    carpeta: str | os.PathLike[str],
    avance: Callable[[str, int], None] | None = None,
    fuentes: dict[str, Fuente] | None = None,
) -> dict[str, Any]:
    """Las tablas polars de una carpeta de CSV, por nombre de tabla (``contactos``…), listas
    para `informe_tabular`; `NoSoportado` o `HayUnError` si no. `avance`, si se da, se llama
    tras leer cada archivo con su nombre y cuántos registros tiene (como en `leer_carpeta`).
    Con `fuentes`, cada tabla lleva la línea de cada fila (``_fila``) y `fuentes` recibe la
    `Fuente` de cada tabla."""
    import polars as pl

    raiz = Path(carpeta)
    if not raiz.is_dir():
        raise NoSoportado("--datos no es una carpeta")
    errores: list[DatoInvalido] = []
    try:
        encontrados = _entradas(raiz, errores, None)
    except OSError:  # pragma: no cover - la vía pura lo dice (probado en test_cli)
        raise HayUnError from None
    if errores or not encontrados:
        raise HayUnError
    tablas: dict[str, Any] = {}
    memos: dict[tuple[object, ...], dict[str, object]] = {}
    for tipo, entrada in encontrados.items():
        if entrada.name.lower().endswith(EXCEL):
            raise NoSoportado(f"{entrada.name} es un libro de Excel")
        try:
            contenido = entrada.read_bytes()
        except OSError:  # pragma: no cover - la vía pura lo dice (probado en test_cli)
            raise HayUnError from None
        coleccion, clase = csv_lector.ARCHIVOS[tipo]
        tablas[coleccion] = _tabla(
            contenido, raiz / entrada.name, clase, pl, memos, fuentes, coleccion
        )
        if avance is not None:
            avance(entrada.name, tablas[coleccion].height)
    if "gestores" not in tablas or "asignaciones" not in tablas:
        raise NoSoportado("faltan gestores.csv o asignaciones.csv")
    return tablas


FORMATOS: Final = escritores.FORMATOS
"""Los formatos que la vía por columnas escribe igual, byte a byte, que la vía pura: todos los
de los escritores."""

CON_EXCLUIDOS: Final = ("xlsx",)
"""Los formatos que listan los registros excluidos uno por uno (``excluidos=True``)."""

SIN_DETALLE: Final = ("csv", "csv-excel")
"""Los formatos que no dicen el detalle de cada resultado ni los nombres de los gestores: la
vía por columnas no los calcula para ellos."""


def informe_por_columnas(
    carpeta: str | os.PathLike[str],
    periodo: Periodo,
    parametros: Parametros,
    *,
    detalle: bool = True,
    excluidos: bool = False,
    avance: Callable[[str, int], None] | None = None,
) -> Informe:
    """El `Informe` de una carpeta de CSV por la vía por columnas: las cifras de `tablas`
    (`informe_tabular`), consolidadas como en `informe()`; con `detalle`, también el detalle
    de cada resultado y los nombres de los gestores. Los excluidos (R23) son las cuentas por
    motivo; con `excluidos`, también los registros uno por uno, que se rehacen al pedirlos
    (`Informe.excluidos`) con los conversores de la vía pura, solo los de las filas excluidas
    (`_excluidos_columnas`). `NoSoportado` o `HayUnError` si no. `avance`: el de
    `leer_tablas`."""
    from sena_relacionamiento.io._excluidos_columnas import PorFilas
    from sena_relacionamiento.tablas._tabular import _calculos

    fuentes: dict[str, Fuente] | None = {} if excluidos else None
    tablas = leer_tablas(carpeta, avance, fuentes)
    todas = {coleccion: tablas.get(coleccion) for coleccion, _ in csv_lector.ARCHIVOS.values()}
    try:
        ctx, datos, motor, calculos, _ = _calculos(
            periodo=periodo,
            parametros=parametros,
            tablas=todas,
            detalle=detalle,
            filas=excluidos,
        )
    except ErrorSena:
        raise HayUnError from None
    resultado = _consolidar(datos, ctx, calculos)
    cuentas = [
        (motivo, n)
        for coleccion, _ in csv_lector.ARCHIVOS.values()
        for motivo, n in motor.excluidos.get(coleccion, {}).items()
    ]
    exclusiones = (
        PorFilas(cuentas, motor.excluidas, fuentes, datos.excluidos)
        if fuentes is not None
        else Contadas(cuentas)
    )
    return attrs.evolve(resultado, registros=sum(motor.registros.values()), exclusiones=exclusiones)


class Contadas(_Exclusiones):
    """Los excluidos de la vía por columnas sin ``excluidos``: cuántos por motivo (R23), sin
    los registros (las salidas que no los listan)."""

    __slots__ = ("_cuentas",)

    def __init__(self, cuentas: list[tuple[str, int]]) -> None:
        super().__init__(())
        self._cuentas = tuple(cuentas)

    def cuentas(self) -> Iterator[tuple[str, int]]:
        return iter(self._cuentas)

    def ordenados(self) -> tuple[tuple[str, tuple[Any, ...]], ...]:
        raise NotImplementedError("sin excluidos=True, solo se cuentan los registros excluidos")
