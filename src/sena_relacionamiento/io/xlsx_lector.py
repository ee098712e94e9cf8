"""Lectura de libros de Excel (``.xlsx``) como los guardan las oficinas del SENA (issue 16).

Necesita el extra ``excel`` (openpyxl, en modo de solo lectura: la hoja se recorre sin
cargarla entera). Cada hoja de registros pasa por la misma conversión por fila que el lector
de CSV (`csv_lector`): los mismos encabezados, las mismas reglas y los mismos mensajes, con el
archivo, la hoja, la fila, la columna (nombre y letra) y el valor.

Las celdas se leen como las guarda Excel:

- **Fechas** (``fecha``, ``fecha_gestion``): una fecha de Excel, con hora o sin ella (la hora
  es de Bogotá, R11). Una fecha escrita como texto, un número o solo una hora son un error:
  Excel no la reconoció, y adivinar el orden del día y el mes no es seguro.
- **Pesos** (``valor``): un número entero o con a lo sumo dos decimales, convertido exacto
  (``1234.5`` es ``Decimal('1234.50')``, nunca un `float`); más decimales es un error. Un
  texto como ``$ 1.234,50`` también se lee (R5).
- **Enteros**: un número sin decimales (o un texto como en el CSV).
- **NIT**: un número entero o un texto. Un número con decimales o en notación científica
  (``8,6E+08``) es un error: Excel pudo perder cifras.
- **Sí o no**: un valor lógico de Excel (``VERDADERO``/``FALSO``) o un texto como en el CSV.
- **Textos**: un texto, o un número entero (un id ``17``).

Una fórmula es un error (se pide pegar los valores), y también lo son las celdas combinadas en
el encabezado o en los datos. Un bloque de título sobre el encabezado se salta y se dice
(en las notas); las filas y columnas vacías del final no cuentan.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final

from sena_relacionamiento._texto import normalizar
from sena_relacionamiento.errores import DatoInvalido, DependenciaFaltante
from sena_relacionamiento.io.csv_lector import (
    _LECTORES,
    ARCHIVOS,
    _encabezado,
    _registro,
    columnas,
    leer_booleano,
    leer_entero,
    leer_fecha,
    leer_pesos,
)
from sena_relacionamiento.registros import Registro

__all__ = ["HOJAS", "leer_xlsx"]

HOJAS: Final[Mapping[str, str]] = MappingProxyType(
    {archivo.removesuffix(".csv"): archivo for archivo in ARCHIVOS}
)
"""Nombre de cada hoja de registros (``contactos``) → su archivo en `ARCHIVOS`."""

_FILAS_DE_TITULO: Final = 10
"""Cuántas filas con algo puede tener el bloque de título sobre el encabezado."""

_COMBINADA: Final = re.compile(
    rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"'
)
_CIENTIFICA: Final = re.compile(r"[eE][+-]")

Notas = Callable[[str], None]


def _openpyxl() -> Any:
    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:
        raise DependenciaFaltante("openpyxl", "excel") from None
    return openpyxl


def abrir(contenido: bytes, archivo: str) -> Any:
    """El libro (openpyxl, de solo lectura) de `contenido`; un libro con contraseña, uno de
    Excel 97-2003 (``.xls``) o uno dañado es un `DatoInvalido` que lo dice."""
    openpyxl = _openpyxl()

    def error(motivo: str) -> DatoInvalido:
        return DatoInvalido(motivo, campo="archivo", valor=archivo)

    if contenido.startswith(b"\xd0\xcf\x11\xe0"):
        if "EncryptedPackage".encode("utf-16-le") in contenido:
            raise error(
                "el libro está protegido con contraseña y no se puede leer: ábralo en Excel, "
                "quítele la contraseña (Archivo › Información › Proteger libro) y guárdelo"
            )
        raise error(
            "es un libro de Excel 97-2003 (.xls), no un .xlsx: ábralo en Excel y guárdelo como "
            "«Libro de Excel (.xlsx)»"
        )
    if not contenido.startswith(b"PK\x03\x04"):
        raise error("no es un libro de Excel (.xlsx): el archivo está dañado o es de otro tipo")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # estilos y validaciones que openpyxl no conoce
            return openpyxl.load_workbook(io.BytesIO(contenido), read_only=True, data_only=False)
    except Exception:  # openpyxl lanza errores de ZIP, de XML o de claves según el daño
        raise error(
            "el libro de Excel está dañado y no se puede abrir (ábralo en Excel y guárdelo de "
            "nuevo como «Libro de Excel (.xlsx)»)"
        ) from None


def es_informe(libro: Any) -> bool:
    """Si el libro es un informe de esta herramienta (sus hojas «Nacional» y «Registros
    excluidos»)."""
    return {"Nacional", "Registros excluidos"} <= set(libro.sheetnames)


def _letra(columna: int) -> str:
    letras = ""
    while columna:
        columna, resto = divmod(columna - 1, 26)
        letras = chr(ord("A") + resto) + letras
    return letras


def _combinadas(hoja: Any) -> list[tuple[int, int, str]]:
    """La primera y la última fila y la referencia (``A1:C1``) de cada rango de celdas
    combinadas de la hoja, leídas del XML en trozos (el modo de solo lectura no las da)."""
    rangos: set[tuple[int, int, str]] = set()
    cola = b""
    with hoja._get_source() as fuente:
        while trozo := fuente.read(1 << 20):
            texto = cola + trozo
            for m in _COMBINADA.finditer(texto):
                ref = f"{m[1].decode()}{m[2].decode()}:{m[3].decode()}{m[4].decode()}"
                rangos.add((int(m[2]), int(m[4]), ref))
            cola = texto[-200:]
    return sorted(rangos)


def _filas(hoja: Any, origen: str) -> Iterator[tuple[int, list[Any]]]:
    """Cada fila (número desde 1, celdas) de la hoja; un XML dañado es un `DatoInvalido`."""
    hoja.reset_dimensions()  # no confiar en la dimensión que declara el libro
    try:
        for numero, fila in enumerate(hoja.iter_rows(), start=1):
            yield numero, list(fila)
    except Exception:
        raise DatoInvalido(
            "la hoja está dañada y no se puede leer entera (ábrala en Excel y guarde el libro "
            "de nuevo)",
            origen=origen,
        ) from None


def _vacia(celda: Any) -> bool:
    valor = celda.value
    return valor is None or (isinstance(valor, str) and not valor.strip())


def _encabezado_de_hoja(
    primeras: list[tuple[int, list[Any]]], clase: type[Any]
) -> tuple[int, list[Any]]:
    """La fila del encabezado entre las primeras filas con algo: la primera con todas las
    columnas obligatorias, si no la primera con alguna columna conocida, si no la primera."""
    obligatorias, opcionales = columnas(clase)
    conocidas = {*obligatorias, *opcionales}

    def nombres(fila: list[Any]) -> set[str]:
        return {normalizar(str(c.value)).replace(" ", "_") for c in fila if c.value is not None}

    for numero, fila in primeras:
        if set(obligatorias) <= nombres(fila):
            return numero, fila
    for numero, fila in primeras:
        if nombres(fila) & conocidas:
            return numero, fila
    return primeras[0]


def leer_hoja(
    hoja: Any, archivo: str, nombre_hoja: str, clase: type[Any], notas: Notas | None = None
) -> list[tuple[Registro, str]]:
    """Los registros de una hoja con el origen (archivo, hoja y fila) de cada uno."""
    lugar = f"{archivo}, hoja {nombre_hoja}"
    filas = _filas(hoja, lugar)
    primeras: list[tuple[int, list[Any]]] = []
    for numero, fila in filas:
        if not all(_vacia(c) for c in fila):
            primeras.append((numero, fila))
            if len(primeras) > _FILAS_DE_TITULO:
                break
    if not primeras:
        raise DatoInvalido(
            "la hoja está vacía; la primera fila debe ser el encabezado con las columnas: "
            + ", ".join(columnas(clase)[0]),
            origen=lugar,
        )
    numero_encabezado, celdas = _encabezado_de_hoja(primeras, clase)
    if numero_encabezado > primeras[0][0] and notas is not None:
        notas(
            f"{lugar}: se saltan las filas 1 a {numero_encabezado - 1} (un título sobre el "
            f"encabezado, que está en la fila {numero_encabezado})"
        )
    for primera, ultima, ref in _combinadas(hoja):
        if ultima >= numero_encabezado:  # en el título no importan
            raise DatoInvalido(
                f"hay celdas combinadas ({ref}) en el encabezado o en los datos; descombínelas "
                "para que cada valor tenga su celda",
                origen=f"{lugar}, fila {max(primera, numero_encabezado)}",
            )
    # Las columnas del encabezado: de la primera a la última con algo.
    posiciones = [i for i, c in enumerate(celdas) if not _vacia(c)]
    desde, hasta = posiciones[0], posiciones[-1] + 1
    textos = ["" if c.value is None else str(c.value) for c in celdas[desde:hasta]]
    origen_encabezado = f"{lugar}, fila {numero_encabezado}"
    try:
        nombres, obligatorias = _encabezado(textos, nombre_hoja, clase, numero_encabezado)
    except DatoInvalido as error:
        raise _en_excel(error, origen_encabezado, None, desde) from None
    leidos: list[tuple[Registro, str]] = []
    resto = (par for par in primeras if par[0] > numero_encabezado)
    for numero, fila in _encadenar(resto, filas):
        if all(_vacia(c) for c in fila):
            continue  # una fila vacía (también las del final): no es un registro
        origen = f"{lugar}, fila {numero}"
        for posicion, celda in enumerate(fila):
            if (posicion < desde or posicion >= hasta) and not _vacia(celda):
                raise DatoInvalido(
                    "la celda tiene un valor pero su columna no tiene encabezado",
                    campo=f"columna {_letra(posicion + 1)}",
                    valor=_mostrar(celda.value),
                    origen=origen,
                )
        valores = fila[desde:hasta]
        textos = [
            _texto(celda, nombre, origen, desde + i)
            for i, (celda, nombre) in enumerate(zip(valores, nombres, strict=False))
        ]
        textos += [""] * (len(nombres) - len(textos))
        try:
            registro = _registro(clase, nombres, obligatorias, textos, origen)
        except DatoInvalido as error:
            raise _en_excel(error, origen, nombres, desde) from None
        leidos.append((registro, origen))
    return leidos


def _encadenar(
    primeras: Iterable[tuple[int, list[Any]]], resto: Iterator[tuple[int, list[Any]]]
) -> Iterator[tuple[int, list[Any]]]:
    yield from primeras
    yield from resto


def _en_excel(
    error: DatoInvalido, origen: str, nombres: tuple[str, ...] | None, desde: int
) -> DatoInvalido:
    """El error de la conversión por fila con el origen de Excel y la letra de la columna."""
    campo = error.campo
    if nombres is not None and campo in nombres:
        campo = f"{campo} (columna {_letra(desde + nombres.index(campo) + 1)})"
    if error._tiene_valor:
        return DatoInvalido(error.mensaje, campo=campo, valor=error.valor, origen=origen)
    return DatoInvalido(error.mensaje, campo=campo, origen=origen)


def _mostrar(valor: object) -> object:
    """El valor de una celda para un mensaje: fechas y horas en ISO, lo demás igual."""
    if isinstance(valor, date | time):
        return valor.isoformat(sep=" ") if isinstance(valor, datetime) else valor.isoformat()
    if isinstance(valor, timedelta):
        return str(valor)
    return valor


def _redondear(valor: datetime) -> datetime:
    """La fecha y hora al segundo más cercano (Excel guarda la hora como fracción del día)."""
    return (valor + timedelta(microseconds=500_000)).replace(microsecond=0)


_FECHA, _PESOS, _ENTERO, _BOOLEANO = leer_fecha, leer_pesos, leer_entero, leer_booleano
_CENTAVO: Final = Decimal("0.01")


def _texto(celda: Any, nombre: str, origen: str, posicion: int) -> str:
    """El texto de una celda tipada, en la forma que lee la conversión por fila del CSV; lo
    que Excel no guarda como debe (una fórmula, una fecha como texto, un NIT con decimales…)
    es un `DatoInvalido` con la columna y el valor."""
    valor = celda.value
    if valor is None:
        return ""
    lector = _LECTORES.get(nombre)
    campo = f"{nombre} (columna {_letra(posicion + 1)})"

    def error(motivo: str) -> DatoInvalido:
        return DatoInvalido(motivo, campo=campo, valor=_mostrar(valor), origen=origen)

    if celda.data_type == "f":
        raise error(
            "la celda tiene una fórmula; copie la columna y péguela como valores (Pegado "
            "especial › Valores)"
        )
    if isinstance(valor, str):
        if lector is _FECHA and valor.strip():
            raise error(
                "la fecha está escrita como texto, no como fecha de Excel; escríbala de nuevo "
                "(o use Datos › Texto en columnas) para que Excel la reconozca"
            )
        return valor
    if isinstance(valor, bool):
        return "sí" if valor else "no"
    if isinstance(valor, datetime | date | time | timedelta):
        return _fecha(valor, celda, lector, error)
    if isinstance(valor, int | float):
        return _numero(valor, celda, nombre, lector, error)
    raise error("la celda no tiene un valor que se pueda leer")  # pragma: no cover


def _fecha(
    valor: datetime | date | time | timedelta,
    celda: Any,
    lector: Callable[[str], object] | None,
    error: Callable[[str], DatoInvalido],
) -> str:
    if lector is not _FECHA:
        raise error("la celda es una fecha o una hora de Excel, y esta columna no es de fechas")
    if isinstance(valor, time | timedelta):
        raise error("la celda tiene solo una hora, sin la fecha")
    if not isinstance(valor, datetime):
        return valor.isoformat()
    valor = _redondear(valor)
    formato = _openpyxl().styles.numbers.is_datetime(celda.number_format)
    if formato == "date" and valor.time() == time():
        return valor.date().isoformat()
    return valor.isoformat(sep=" ")


def _numero(
    valor: float,
    celda: Any,
    nombre: str,
    lector: Callable[[str], object] | None,
    error: Callable[[str], DatoInvalido],
) -> str:
    if lector is _FECHA:
        raise error(
            "la celda es un número, no una fecha de Excel; dele formato de fecha o escriba la "
            "fecha de nuevo"
        )
    entero = isinstance(valor, int) or valor.is_integer()
    if nombre == "nit":
        if isinstance(valor, float) or _CIENTIFICA.search(celda.number_format or ""):
            raise error(
                "el NIT es un número con decimales o en notación científica (como 8,6E+08): "
                "Excel pudo perder cifras; escriba el NIT completo en una celda de texto"
            )
        return str(valor)
    if lector is _PESOS:
        cantidad = Decimal(valor) if isinstance(valor, int) else Decimal(repr(valor))
        if cantidad != cantidad.quantize(_CENTAVO):
            raise error("el valor en pesos tiene más de dos decimales (los centavos son dos)")
        if cantidad == cantidad.to_integral_value():
            return str(int(cantidad))
        return f"{cantidad.quantize(_CENTAVO):f}".replace(".", ",")
    if lector is _ENTERO and not entero:
        raise error("se esperaba un número entero, sin decimales")
    if entero:
        return str(int(valor))
    return f"{Decimal(repr(valor)):f}"


def leer_xlsx(
    contenido: bytes, archivo: str, *, notas: Notas | None = None
) -> tuple[Registro, ...]:
    """Los registros de un libro de un solo tipo (``contactos.xlsx``), dado en bytes: la hoja
    con el nombre del tipo o, si no la hay, la única hoja del libro."""
    tipo = archivo.lower().rsplit(".", 1)[0] + ".csv"
    if tipo not in ARCHIVOS:
        raise DatoInvalido(
            "no es un archivo de registros; se esperaba uno de: "
            + ", ".join(f"{h}.xlsx" for h in HOJAS),
            campo="archivo",
            valor=archivo,
        )
    return tuple(r for r, _ in leer_libro_de_un_tipo(contenido, archivo, tipo, notas))


def leer_libro_de_un_tipo(
    contenido: bytes, archivo: str, tipo: str, notas: Notas | None = None
) -> list[tuple[Registro, str]]:
    """Los registros (con su origen) del libro `archivo` de la carpeta de datos, que es del
    tipo `tipo` (``contactos.csv`` en `ARCHIVOS`)."""
    _, clase = ARCHIVOS[tipo]
    libro = abrir(contenido, archivo)
    try:
        if es_informe(libro):
            raise DatoInvalido(
                "es un informe de sena-relacionamiento, no un libro de registros; sáquelo de "
                "la carpeta de datos",
                campo="archivo",
                valor=archivo,
            )
        hoja_tipo = tipo.removesuffix(".csv")
        por_nombre = {normalizar(n).replace(" ", "_"): n for n in libro.sheetnames}
        nombre = por_nombre.get(hoja_tipo)
        if nombre is None:
            if len(libro.sheetnames) != 1:
                raise DatoInvalido(
                    f"el libro tiene varias hojas ({', '.join(libro.sheetnames)}) y ninguna se "
                    f"llama {hoja_tipo}: deje solo la de los registros o llámela {hoja_tipo}",
                    campo="archivo",
                    valor=archivo,
                )
            nombre = libro.sheetnames[0]
        return leer_hoja(libro[nombre], archivo, nombre, clase, notas)
    finally:
        libro.close()
