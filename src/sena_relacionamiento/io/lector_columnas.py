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
import inspect
import os
import re
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


def _es_utf8(contenido: bytes, pl: Any) -> bool:
    """Si los bytes son UTF-8 válido (lo que `bytes.decode` acepta), sin armar el texto en
    Python: polars lo revisa varias veces más rápido."""
    if len(contenido) >= 2**31:  # pragma: no cover - un CSV de 2 GiB: lo revisa Python
        try:
            contenido.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    try:
        pl.Series([contenido], dtype=pl.Binary).cast(pl.String)
    except pl.exceptions.PolarsError:
        return False
    return True


def _texto(contenido: bytes, nombre: str, pl: Any) -> bytes:
    """Los bytes en UTF-8 que lee polars, o `NoSoportado` / `HayUnError`."""
    if contenido.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise NoSoportado(f"{nombre} está en UTF-16")
    if not _es_utf8(contenido, pl):
        try:
            contenido = csv_lector._decodificar(contenido, nombre).encode("utf-8")
        except DatoInvalido:
            raise HayUnError from None
    if b"\x00" in contenido:
        raise HayUnError
    if b'"' in contenido:
        raise NoSoportado(f"{nombre} tiene comillas")
    if b"\r" in contenido and contenido.count(b"\r") != contenido.count(b"\r\n"):
        raise NoSoportado(f"{nombre} tiene saltos de línea \\r sueltos")
    # 0x1F separa las líneas al leerlas; 0x1C a 0x1E son espacios para Python y no para polars.
    if any(control in contenido for control in (b"\x1c", b"\x1d", b"\x1e", b"\x1f")):
        raise NoSoportado(f"{nombre} tiene caracteres de control (0x1C a 0x1F)")
    return contenido


def _valor_tabular(valor: object) -> object:
    """El valor convertido por el registro como lo lee `tablas`: un enum por su nombre, una
    regional por su código; lo demás tal cual."""
    if isinstance(valor, Regional):
        return valor.codigo
    return valor.name if isinstance(valor, EnumSena) else valor


def _tipo_polars(tipos: set[type], valores: list[object], pl: Any) -> Any:
    """El tipo polars de una columna con estos valores ya convertidos por el registro (de los
    `tipos`; las fechas son siempre `date` de Bogotá, R11; los pesos, `int` o `Decimal`,
    R5)."""
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
    datos = _texto(contenido, nombre, pl)
    return datos, _lineas(datos, pl)


_BLANCO: Final = re.compile(rb"[ \t\n\r\x0b\x0c]*\Z")
"""Lo que `bytes.strip()` deja vacío (sin copiar los bytes)."""


def _lineas(datos: bytes, pl: Any) -> Any:
    """Las líneas de los bytes en UTF-8 de un CSV (`leer_lineas`), o `HayUnError`."""
    if _BLANCO.match(datos):
        raise HayUnError  # vacío: la vía pura da el error (polars < 1.4 no lee bytes vacíos)
    return pl.read_csv(
        datos,
        has_header=False,
        separator=_SEPARADOR_LINEA,
        quote_char=None,
        schema={_COLUMNA: pl.String},
    ).get_column(_COLUMNA)


def _vacio_es_texto(pl: Any) -> dict[str, bool]:
    """El argumento de `polars.read_csv` que lee un campo vacío como ``""`` y no como nulo:
    ``missing_utf8_is_empty_string=True`` hasta polars 1.x, ``empty_string_is_null=False``
    después (el nombre cambió; la cota inferior de polars es 1.3)."""
    if "empty_string_is_null" in inspect.signature(pl.read_csv).parameters:
        return {"empty_string_is_null": False}
    return {"missing_utf8_is_empty_string": True}


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
    memos: csv_lector._Memorias,
    fuentes: dict[str, Fuente] | None = None,
    coleccion: str = "",
) -> Any:
    """El marco polars (tipado como lo lee `tablas`) de un CSV, o `NoSoportado`/`HayUnError`.
    Con `fuentes`, el marco lleva la línea de cada fila (``_fila``) y `fuentes` la `Fuente`
    de la tabla."""
    nombre = entrada.name
    datos = _texto(contenido, nombre, pl)
    con_fila = fuentes is not None
    partidas = _celdas_rapidas(datos, clase, pl, con_fila=con_fila)
    if partidas is None:
        partidas = _celdas(datos, nombre, clase, pl, con_fila=con_fila)
    celdas, unicos, separador, nombres, obligatorias = partidas
    tal_cual = _tal_cual(clase, nombres)
    columnas: dict[str, Any] = {}
    for columna in nombres:
        # La memoria de la vía pura, compartida entre archivos: un NIT de varios archivos se
        # convierte una vez.
        memoria = csv_lector._conversion(clase, columna, memos)
        textos = unicos[columna]
        try:
            valores = [memoria[t] for t in textos]  # un texto nuevo se convierte al buscarlo
        except (DatoInvalido, csv_lector._Lento):
            raise HayUnError from None
        columnas[columna] = _reemplazo(columna, textos, valores, pl, todos=columna not in tal_cual)
    tipada = celdas.select(
        *(expr.alias(c) for c, expr in columnas.items()),
        *([FILA] if con_fila else []),
    )
    _entre_campos(tipada, clase, pl)
    if fuentes is not None:
        fuentes[coleccion] = Fuente(entrada, clase, separador, nombres, obligatorias)
    return tipada


def _reemplazo(
    columna: str, textos: list[str], valores: list[object], pl: Any, *, todos: bool
) -> Any:
    """La expresión que pasa cada texto de `columna` al valor convertido por el registro
    del mismo lugar de `valores`. Un texto que queda igual (un NIT ya normalizado, un id)
    no se busca: solo se reemplazan los que cambian. Sin `todos`, `textos` son solo
    algunos de la columna (los demás quedan tal cual, `_tal_cual`: la columna es de
    texto)."""
    tipos = {type(v) for v in valores}
    if any(issubclass(t, EnumSena | Regional) for t in tipos):
        valores = [_valor_tabular(v) for v in valores]
        tipos = {type(v) for v in valores}
    tipo = _tipo_polars(tipos, valores, pl)
    if tipo == pl.String:
        if textos == valores:
            return pl.col(columna)
        cambian = [(t, v) for t, v in zip(textos, valores, strict=True) if t != v]
        if len(cambian) < len(textos) or not todos:
            viejos, nuevos = zip(*cambian, strict=True)
            return pl.col(columna).replace(list(viejos), pl.Series(nuevos, dtype=pl.String))
    if tipo == pl.Decimal:
        valores = [None if v is None else Decimal(v) for v in valores]  # type: ignore[arg-type]
    return pl.col(columna).replace_strict(textos, pl.Series(valores, dtype=tipo), return_dtype=tipo)


_Partidas = tuple[Any, dict[str, list[str]], str, tuple[str, ...], frozenset[str]]
"""Las celdas de un CSV (un marco de texto, una columna por campo, más ``_fila`` si se pidió),
los textos distintos de cada columna, el separador, los nombres de las columnas y las
obligatorias."""

_ALFANUMERICO: Final = re.compile(rb"[0-9A-Za-z]")


def _tal_cual(clase: type[Any], nombres: tuple[str, ...]) -> dict[str, str]:
    """De las columnas `nombres` de `clase`, las que tienen textos que quedan tal cual
    (`csv_lector._patron_tal_cual`), con la expresión regular de esos textos: en polars, esos
    textos no pasan por Python; los demás, sí."""
    patrones = {c: csv_lector._patron_tal_cual(clase, c) for c in nombres}
    return {c: p for c, p in patrones.items() if p is not None}


def _unicos(
    celdas: Any, nombres: tuple[str, ...], pl: Any, tal_cual: dict[str, str]
) -> dict[str, list[str]]:
    """Los textos distintos de cada columna, salvo los que quedan tal cual (`tal_cual`), en
    una sola consulta."""
    fila = (
        celdas.lazy()
        .select(
            (pl.col(c).filter(~pl.col(c).str.contains(tal_cual[c])) if c in tal_cual else pl.col(c))
            .unique()
            .implode()
            for c in nombres
        )
        .collect()
        .row(0)
    )
    return dict(zip(nombres, fila, strict=True))


def _encabezado_de(
    datos: bytes, nombre: str, clase: type[Any], pl: Any
) -> tuple[Any, str, int, tuple[str, ...], frozenset[str]]:
    """Las líneas del CSV (leídas como en `leer_lineas`, con su número ``_n``, sin las filas
    vacías ni la línea ``sep=``), el separador, la línea del encabezado, sus columnas y las
    obligatorias; o `NoSoportado`/`HayUnError`."""
    lineas = _lineas(datos, pl)
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
    return marco, separador, cabeza[0], nombres, obligatorias


def _celdas(datos: bytes, nombre: str, clase: type[Any], pl: Any, *, con_fila: bool) -> _Partidas:
    """Las celdas de un CSV leído línea por línea: lee todo lo que lee la vía pura (filas
    vacías entre los datos, cualquier fila cortada o con un separador de más da
    `HayUnError`)."""
    marco, separador, _, nombres, obligatorias = _encabezado_de(datos, nombre, clase, pl)
    filas = marco.slice(1)
    linea = pl.col(_COLUMNA)
    separadores = linea.str.count_matches(separador, literal=True)
    if filas.height and filas.select(separadores.ne(len(nombres) - 1).any()).item():
        raise HayUnError  # una fila cortada o con un separador de más
    partes = linea.str.split_exact(separador, len(nombres) - 1)
    celdas = filas.select(
        *(partes.struct.field(f"field_{i}").alias(columna) for i, columna in enumerate(nombres)),
        *([pl.col("_n").alias(FILA)] if con_fila else []),
    )
    unicos = _unicos(celdas, nombres, pl, _tal_cual(clase, nombres))
    return celdas, unicos, separador, nombres, obligatorias


def _celdas_rapidas(datos: bytes, clase: type[Any], pl: Any, *, con_fila: bool) -> _Partidas | None:
    """Las celdas de un CSV con `polars.read_csv` por el separador, sin leerlo línea por línea,
    si el archivo es de los comunes: el encabezado (y lo que lo precede) está en las primeras
    líneas, y cada fila que sigue tiene justo tantos separadores como el encabezado (las
    filas de solo separadores y espacios se quitan) y cabe en el límite de las líneas.
    Así, las celdas son las mismas que da `_celdas`. Si no (o ante cualquier duda), `None`:
    `_celdas` lee el archivo y da el error o el motivo que corresponda."""
    # La cabeza: hasta la segunda línea con una letra o una cifra ASCII (líneas con algo: una
    # puede ser la de sep=, la otra es a lo sumo el encabezado).
    fin, vistas = 0, 0
    while vistas < 2:
        salto = datos.find(b"\n", fin)
        if salto < 0:
            return None  # un archivo de una o dos líneas: lo lee `_celdas`
        vistas += _ALFANUMERICO.search(datos, fin, salto) is not None
        fin = salto + 1
    try:
        _, separador, linea, nombres, obligatorias = _encabezado_de(datos[:fin], "", clase, pl)
    except (NoSoportado, HayUnError):
        return None
    inicio = 0
    for _ in range(linea):
        inicio = datos.index(b"\n", inicio) + 1
    if _BLANCO.match(datos, inicio) or datos[inicio : inicio + 1].isspace():
        # polars 1.x quita los blancos del comienzo de lo que lee (la primera celda).
        return None
    # Con el encabezado en la primera línea (lo común), polars lee los bytes enteros y el
    # encabezado es la primera fila (tiene tantos separadores como columnas hay): se quita
    # sin copiar los datos (`datos[inicio:]` copia el archivo entero).
    try:
        celdas = pl.read_csv(
            datos if linea == 1 else datos[inicio:],
            has_header=False,
            separator=separador,
            quote_char=None,
            schema=dict.fromkeys(nombres, pl.String),
            **_vacio_es_texto(pl),
        )
    except pl.exceptions.PolarsError:
        return None  # una fila con un separador de más
    if linea == 1:
        celdas = celdas.slice(1)
    # Ninguna fila tiene más separadores que el encabezado (si no, polars no la lee): con la
    # cuenta total, todas tienen justo esos (una línea vacía que polars saltara no tiene
    # ninguno, y sería una fila vacía).
    # Con ``_fila``, cada línea debe ser una fila (la línea de cada fila es su posición).
    k = len(nombres)
    if datos.count(separador.encode(), inicio) != celdas.height * (k - 1) or (
        con_fila and celdas.height != datos.count(b"\n", inicio) + (not datos.endswith(b"\n"))
    ):
        return None
    largos = celdas.select(pl.all().str.len_bytes().max()).row(0)
    if sum(n or 0 for n in largos) + k > min(csv_lector.LIMITE_CELDA, 131072):
        return None  # quizás una línea muy larga: `_celdas` la mide
    if con_fila:
        celdas = celdas.with_row_index(FILA, offset=linea + 1).select(*nombres, FILA)
    tal_cual = _tal_cual(clase, nombres)
    unicos = _unicos(celdas, nombres, pl, tal_cual)
    # Las filas de solo separadores y espacios: todas sus celdas están en blanco (un texto en
    # blanco nunca queda tal cual: está en `unicos`).
    blancos = (
        pl.Series(unicos[c], dtype=pl.String).str.strip_chars().eq("").any() for c in nombres
    )
    if all(blancos):
        vacia = pl.all_horizontal(pl.col(c).str.strip_chars().eq("") for c in nombres)
        celdas = celdas.filter(~vacia)
        unicos = _unicos(celdas, nombres, pl, tal_cual)
    return celdas, unicos, separador, nombres, obligatorias


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
    memos: csv_lector._Memorias = {}
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
