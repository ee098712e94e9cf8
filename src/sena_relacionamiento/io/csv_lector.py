"""Lectura de una carpeta de CSV como los escriben las oficinas del SENA.

Un archivo por tipo de registro (``gestores.csv``, ``contactos.csv``…, ver `ARCHIVOS`); el
encabezado son los nombres de los campos del registro. Se aceptan ``,`` o ``;`` como
separador (se deduce del encabezado), UTF-8 con o sin BOM, fechas ``2012-03-25`` o
``25/03/2012`` (con hora opcional, hora de Bogotá, R11), pesos ``100000000``,
``100.000.000`` o ``$ 100.000.000`` (R5), sí/no, enumeraciones y regionales por nombre o
etiqueta sin importar mayúsculas ni tildes (R2).

Todo valor malo es un `DatoInvalido` que nombra el archivo, la línea, la columna y el valor;
ningún archivo se carga a medias y nada se salta en silencio.

>>> leer_fecha("25/03/2012"), leer_fecha("2012-03-25 22:00")
(datetime.date(2012, 3, 25), datetime.datetime(2012, 3, 25, 22, 0))
>>> registros = leer_csv("gestor;nit\\ng1;900.123.456-8\\n".encode(), "asignaciones.csv")
>>> registros[0].nit
'900123456'
>>> leer_csv(b"gestor,nit\\ng1,900.123.456-1\\n", "asignaciones.csv")
Traceback (most recent call last):
...
sena_relacionamiento.errores.DatoInvalido: asignaciones.csv, línea 2: nit: el dígito de ...
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import difflib
import gc
import io
import os
import re
from array import array
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from importlib.resources.abc import Traversable
from itertools import chain
from operator import getitem
from types import MappingProxyType
from typing import Any, Final, cast

import attrs

from sena_relacionamiento._texto import normalizar
from sena_relacionamiento.datos import DatosSeguimiento
from sena_relacionamiento.dinero import parsear_pesos
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.registros import (
    Ambiente,
    Asignacion,
    Contacto,
    ContratoAprendizaje,
    EmpresaCuota,
    Evento,
    Gestor,
    LogroSismeg,
    Registro,
    ServicioUsado,
    Solicitud,
    _c_gestor,
    _c_gestor_opcional,
    _c_id,
    _c_nit,
    _c_nit_opcional,
    _c_nombre_opcional,
    _c_razon,
    _c_servicio,
    _constructor_confiado,
    _sentencias_confiadas,
)

__all__ = [
    "ARCHIVOS",
    "CIFRAS_ENTERO",
    "LIMITE_CELDA",
    "LIMITE_ERRORES",
    "ErroresDeLectura",
    "codificacion",
    "columnas",
    "leer_booleano",
    "leer_carpeta",
    "leer_csv",
    "leer_entero",
    "leer_fecha",
    "leer_pesos",
]

ARCHIVOS: Final[Mapping[str, tuple[str, type[Any]]]] = MappingProxyType(
    {
        "gestores.csv": ("gestores", Gestor),
        "asignaciones.csv": ("asignaciones", Asignacion),
        "contactos.csv": ("contactos", Contacto),
        "servicios.csv": ("servicios", ServicioUsado),
        "solicitudes.csv": ("solicitudes", Solicitud),
        "ambientes.csv": ("ambientes", Ambiente),
        "contratos.csv": ("contratos", ContratoAprendizaje),
        "cuotas.csv": ("cuotas", EmpresaCuota),
        "eventos.csv": ("eventos", Evento),
        "logros.csv": ("logros", LogroSismeg),
    }
)
"""Nombre de cada archivo → (colección de `DatosSeguimiento`, clase de registro)."""

# --- Valores de una celda ---

# La hora tras una T o espacios: ``22:00``, ``0:00`` (Excel), ``10:00 a. m.`` (Windows en español).
_HORA: Final = (
    r"(?:(?:T|\s+)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?"
    r"(?:\s*([aApP])\.?\s*[mM]\.?)?\s*(Z|[+-][0-9]{2}:?[0-9]{2})?)?"
)
_ISO: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})" + _HORA)
_COLOMBIANA: Final = re.compile(r"([0-9]{1,2})[/-]([0-9]{1,2})[/-]([0-9]{4})" + _HORA)
_ANIO_CORTO: Final = re.compile(r"[0-9]{1,2}[/-][0-9]{1,2}[/-][0-9]{2}\b.*")
_ENTERO: Final = re.compile(r"[+-]?(?:[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)")
CIFRAS_ENTERO: Final = 18
"""Las cifras que puede tener un entero de una celda (``asistentes``, ``cantidad``…): más es un
error, no una cuenta (y Python no convierte textos de más de 4.300 cifras)."""

LIMITE_CELDA: Final = 32_767
"""Los caracteres que puede tener una celda: los que caben en una celda de Excel. Una celda
más larga no viene de una planilla de las oficinas (suele ser unas comillas sin cerrar o un
archivo que no es un CSV) y es un `DatoInvalido` que dice su línea y su columna."""

LIMITE_ERRORES: Final = 20
"""Cuántos errores de una carpeta se reúnen en un `ErroresDeLectura` antes de parar."""

_SI: Final = frozenset({"si", "s", "true", "verdadero", "1", "x"})
_NO: Final = frozenset({"no", "n", "false", "falso", "0"})


def leer_fecha(texto: str) -> date | datetime:
    """Una fecha ``AAAA-MM-DD`` o ``DD/MM/AAAA`` (también ``DD-MM-AAAA``), con una hora
    ``HH:MM`` o ``HH:MM:SS`` opcional tras un espacio o una ``T``: la hora con una o dos
    cifras (``0:00``, como la escribe Excel) y, de 1 a 12, con ``a. m.`` o ``p. m.``.

    Sin zona, la hora es de Bogotá (R11); con ``Z`` o ``±HH:MM`` se devuelve un `datetime`
    con zona, que los registros convierten a Bogotá. Lo demás es un `DatoInvalido`.

    >>> leer_fecha("10/03/2012 0:00"), leer_fecha("10/03/2012 10:00 p. m.")
    (datetime.datetime(2012, 3, 10, 0, 0), datetime.datetime(2012, 3, 10, 22, 0))
    >>> leer_fecha("2012-03-26T03:00Z")
    datetime.datetime(2012, 3, 26, 3, 0, tzinfo=datetime.timezone.utc)
    >>> leer_fecha("31/02/2012")
    Traceback (most recent call last):
    ...
    sena_relacionamiento.errores.DatoInvalido: no es una fecha del calendario ... '31/02/2012')
    """
    texto = texto.strip()
    iso = _ISO.fullmatch(texto)
    colombiana = None if iso else _COLOMBIANA.fullmatch(texto)
    if iso:
        anio, mes, dia = int(iso[1]), int(iso[2]), int(iso[3])
        hora = iso.groups()[3:]
    elif colombiana:
        dia, mes, anio = int(colombiana[1]), int(colombiana[2]), int(colombiana[3])
        hora = colombiana.groups()[3:]
    else:
        motivo = "se esperaba una fecha AAAA-MM-DD o DD/MM/AAAA, con hora HH:MM opcional"
        if _ANIO_CORTO.fullmatch(texto):
            motivo += "; el año debe ir con cuatro cifras"
        raise DatoInvalido(motivo, valor=texto)
    try:
        if hora[0] is None:
            return date(anio, mes, dia)
        return datetime(
            anio, mes, dia, _hora24(hora[0], hora[3]), int(hora[1]), int(hora[2] or 0),
            tzinfo=_zona(hora[4]),
        )  # fmt: skip
    except ValueError:
        raise DatoInvalido(
            "no es una fecha del calendario (el día, el mes o la hora no existen)", valor=texto
        ) from None


def _hora24(hora: str, meridiano: str | None) -> int:
    """La hora de 0 a 23; con ``a. m.``/``p. m.``, de 1 a 12 (12 a. m. es medianoche)."""
    if meridiano is None:
        return int(hora)
    if not 1 <= int(hora) <= 12:
        raise ValueError(hora)
    return int(hora) % 12 + (12 if meridiano in "pP" else 0)


def _zona(texto: str | None) -> timezone | None:
    if texto is None:
        return None
    if texto == "Z":
        return UTC
    signo = -1 if texto[0] == "-" else 1
    cifras = texto[1:].replace(":", "")
    return timezone(signo * timedelta(hours=int(cifras[:2]), minutes=int(cifras[2:])))


def leer_pesos(texto: str) -> int | Decimal:
    """Pesos escritos como en Colombia (R5, con `parsear_pesos`): un `int` si no hay
    centavos, un `Decimal` si los hay.

    >>> leer_pesos("$ 100.000.000"), leer_pesos("1.234,50"), leer_pesos("2.500,00")
    (100000000, Decimal('1234.50'), 2500)
    """
    try:
        cantidad = parsear_pesos(texto)
    except DatoInvalido as error:
        raise DatoInvalido(error.mensaje, valor=texto) from None
    return int(cantidad) if cantidad == cantidad.to_integral_value() else cantidad


def leer_entero(texto: str) -> int:
    """Un número entero, con los miles agrupados con punto o sin agrupar.

    >>> leer_entero("1.200"), leer_entero("35"), leer_entero("-2")
    (1200, 35, -2)
    """
    if not _ENTERO.fullmatch(texto.strip()):
        raise DatoInvalido(
            "se esperaba un número entero (sin decimales; los miles con punto)", valor=texto
        )
    cifras = texto.strip().lstrip("+-").replace(".", "")
    if len(cifras) > CIFRAS_ENTERO:
        raise DatoInvalido(
            f"el número tiene demasiadas cifras ({_miles(len(cifras))}; una cuenta tiene a lo "
            f"sumo {CIFRAS_ENTERO})",
            valor=texto,
        )
    return int(texto.strip().replace(".", ""))


def leer_booleano(texto: str) -> bool:
    """Sí o no: ``sí``, ``si``, ``s``, ``x``, ``true``, ``verdadero``, ``1`` / ``no``, ``n``,
    ``false``, ``falso``, ``0``, sin importar mayúsculas ni tildes.

    >>> leer_booleano("SÍ"), leer_booleano("Falso"), leer_booleano("0")
    (True, False, False)
    """
    clave = normalizar(texto)
    if clave in _SI:
        return True
    if clave in _NO:
        return False
    raise DatoInvalido("se esperaba sí o no (también verdadero/falso o 1/0)", valor=texto)


# Columna → cómo leer su texto. Las demás columnas (textos, NIT, enumeraciones,
# regionales) pasan el texto tal cual: el registro lo valida y lo normaliza.
_LECTORES: Final[Mapping[str, Callable[[str], object]]] = MappingProxyType(
    {
        "fecha": leer_fecha,
        "fecha_gestion": leer_fecha,
        "valor": leer_pesos,
        "cantidad": leer_entero,
        "asistentes": leer_entero,
        "formados": leer_entero,
        "empleos": leer_entero,
        "cuota_regulada": leer_entero,
        "obligada": leer_booleano,
        "monetiza": leer_booleano,
    }
)


def columnas(clase: type[Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Las columnas de un tipo de registro: (obligatorias, opcionales), en el orden de sus
    campos.

    >>> columnas(Ambiente)
    (('gestor', 'fecha', 'valor'), ('cantidad',))
    """
    campos = [a for a in attrs.fields(clase) if a.init]
    obligatorias = tuple(a.name for a in campos if a.default is attrs.NOTHING)
    opcionales = tuple(a.name for a in campos if a.default is not attrs.NOTHING)
    return obligatorias, opcionales


# --- Un archivo ---


def _miles(n: int) -> str:
    """Un entero con los miles con punto: ``32.767``."""
    return f"{n:,}".replace(",", ".")


def _parece_utf16(contenido: bytes) -> bool:
    """Texto en UTF-16 sin BOM: la mitad de los bytes (los pares o los impares) son ceros."""
    muestra = contenido[:4096]
    pares, impares = muestra[0::2], muestra[1::2]
    if len(impares) < 2:
        return False
    return (
        max(pares.count(0), impares.count(0)) >= len(impares) // 2
        and min(pares.count(0), impares.count(0)) <= len(impares) // 10
    )


_WINDOWS: Final = "Windows-1252"


def codificacion(contenido: bytes) -> str:
    """La codificación con la que se lee un CSV: ``UTF-8``, ``UTF-8 con BOM``, ``UTF-16 con
    BOM`` o ``Windows-1252`` (lo que Excel en español guarda como «CSV (delimitado por
    comas)»). Lo que no se puede leer da un `DatoInvalido` al leerlo (`leer_csv`).

    >>> codificacion("Guainía".encode()), codificacion("Guainía".encode("cp1252"))
    ('UTF-8', 'Windows-1252')
    """
    if contenido.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16 con BOM"
    if contenido.startswith(codecs.BOM_UTF8):
        return "UTF-8 con BOM"
    try:
        contenido.decode("utf-8")
    except UnicodeDecodeError:
        return _WINDOWS
    return "UTF-8"


def _decodificar(contenido: bytes, archivo: str) -> str:
    """El texto de un CSV: UTF-16 con BOM («texto Unicode» de Excel), UTF-8 estricto (con o
    sin BOM) o, si no es UTF-8, Windows-1252. UTF-16 sin BOM, un libro de Excel, un archivo
    binario o bytes que no son Windows-1252 son un `DatoInvalido` que lo dice."""
    origen = f"{archivo}, línea 1"
    guardar = "guárdelo como «CSV UTF-8 (delimitado por comas)»"
    if contenido.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return contenido.decode("utf-16")
        except UnicodeDecodeError:
            raise DatoInvalido(
                f"el archivo empieza como UTF-16 pero no lo es en todo; {guardar}", origen=origen
            ) from None
    if contenido.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise DatoInvalido(
            "el archivo es un libro de Excel (o un ZIP) con nombre de CSV, no un CSV de texto; "
            f"póngale la extensión .xlsx (o ábralo en Excel y {guardar})",
            origen=origen,
        )
    if _parece_utf16(contenido):
        raise DatoInvalido(
            f"el archivo parece estar en UTF-16 sin BOM («texto Unicode»); {guardar}",
            origen=origen,
        )
    nulo = contenido.find(b"\x00")
    if nulo >= 0:
        renglon = contenido.count(b"\n", 0, nulo) + 1
        raise DatoInvalido(
            "el archivo tiene un byte nulo: es un archivo binario, no un CSV de texto",
            origen=f"{archivo}, línea {renglon}",
        )
    try:
        return contenido.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass  # no es UTF-8: Windows-1252, lo que guarda Excel en español
    try:
        return contenido.decode("cp1252")
    except UnicodeDecodeError as error:
        inicio = contenido.rfind(b"\n", 0, error.start) + 1
        fin = contenido.find(b"\n", error.start)
        linea = contenido[inicio : fin if fin >= 0 else len(contenido)]
        numero = contenido.count(b"\n", 0, error.start) + 1
        raise DatoInvalido(
            "el archivo no está en UTF-8 ni en Windows-1252 (tiene bytes que ninguna de las "
            f"dos usa); ábralo y {guardar}",
            valor=linea.decode("latin-1").rstrip("\r"),
            origen=f"{archivo}, línea {numero}",
        ) from None


def _encabezado(
    celdas: list[str], archivo: str, clase: type[Any], linea: int
) -> tuple[tuple[str, ...], frozenset[str]]:
    """Las columnas del encabezado, normalizadas (``Fecha gestión`` → ``fecha_gestion``),
    y las obligatorias; una columna vacía, repetida, desconocida o faltante es un error."""
    origen = f"{archivo}, línea {linea}"
    obligatorias, opcionales = columnas(clase)
    conocidas = (*obligatorias, *opcionales)
    nombres: list[str] = []
    for posicion, celda in enumerate(celdas, start=1):
        nombre = normalizar(celda).replace(" ", "_")
        if not nombre:
            raise DatoInvalido(
                "la columna no tiene nombre en el encabezado",
                campo=f"columna {posicion}",
                valor=celda,
                origen=origen,
            )
        if nombre in nombres:
            raise DatoInvalido(
                "la columna está repetida en el encabezado",
                campo=nombre,
                valor=celda,
                origen=origen,
            )
        if nombre not in conocidas:
            motivo = f"no es una columna de {archivo}; sus columnas son: " + ", ".join(conocidas)
            parecidas = difflib.get_close_matches(nombre, conocidas, n=1)
            if parecidas:
                motivo += f"; ¿quiso decir {parecidas[0]}?"
            raise DatoInvalido(motivo, campo=nombre, valor=celda, origen=origen)
        nombres.append(nombre)
    faltan = [c for c in obligatorias if c not in nombres]
    if faltan:
        raise DatoInvalido(
            "falta la columna obligatoria en el encabezado (faltan: " + ", ".join(faltan) + ")",
            campo=faltan[0],
            origen=origen,
        )
    return tuple(nombres), frozenset(obligatorias)


_SEP_EXCEL: Final = re.compile(r"sep=(.)", re.IGNORECASE)

_CABEZA: Final = 1 << 16
"""Los caracteres del principio de un CSV donde `_separador` busca primero la primera línea
con algo."""


def _primera_con_algo(texto: str) -> tuple[int, str, bool]:
    """El número y el texto de la primera línea de `texto` con algo más que separadores y
    espacios (0 y la primera línea si no la hay), y si esa línea termina antes del final de
    `texto` (entonces es la misma en cualquier texto que empiece como `texto`)."""
    leidos = 0
    primera = ""
    for n, linea in enumerate(_renglones(texto), start=1):
        leidos += len(linea)
        if n == 1:
            primera = linea
        if linea.strip(" \t;,\r\n"):
            return n, linea, leidos < len(texto)
    return 0, primera, False


def _separador(texto: str) -> tuple[str, int]:
    """El separador y la línea de la indicación ``sep=;`` de Excel (0 si no la hay).

    Con la indicación, el separador es el que dice. Si no, es ``;``, ``,`` o el tabulador:
    el que más aparece en la primera línea con algo (``,`` si empatan). Esa línea se busca en
    la cabeza del archivo (`_CABEZA`) y, si no está entera ahí, en todo el archivo: sin
    copiar entero un archivo de cien megabytes para leer su primera línea (issue 15).
    """
    numero, primera, entera = _primera_con_algo(texto[:_CABEZA])
    if not entera and len(texto) > _CABEZA:
        numero, primera, _ = _primera_con_algo(texto)
    sep = _SEP_EXCEL.fullmatch(primera.rstrip("\r\n").strip(" "))
    if sep:
        return sep[1], numero
    cuentas = {s: primera.count(s) for s in (",", ";", "\t")}
    return max(cuentas, key=lambda s: cuentas[s]), 0


def _columna_del_problema(texto: str, desde: int, separador: str, limite: int) -> tuple[int, bool]:
    """La columna (desde 1) de la fila que empieza en la línea `desde` donde una celda pasa
    de `limite` caracteres, donde algo sigue a las comillas que cierran una celda o donde
    unas comillas quedan abiertas hasta el final, y si esa celda empezó con comillas."""
    renglones = io.StringIO(texto, newline="").readlines()
    resto = "".join(renglones[desde - 1 :])
    columna, largo, comillas, cerrada, posicion = 1, 0, False, False, 0
    while posicion < len(resto) and largo <= limite:
        caracter = resto[posicion]
        posicion += 1
        if comillas:
            if caracter == '"' and resto[posicion : posicion + 1] != '"':
                comillas, cerrada = False, True
                continue
            posicion += caracter == '"'  # unas comillas dobles son una comilla
        elif caracter == separador:
            columna, largo, cerrada = columna + 1, 0, False
            continue
        elif caracter in "\r\n" or cerrada:
            break
        elif caracter == '"' and largo == 0:
            comillas = True
            continue
        largo += 1
    return columna, comillas or cerrada


def _registro(
    clase: type[Any],
    nombres: tuple[str, ...],
    obligatorias: frozenset[str],
    fila: list[str],
    origen: str,
) -> Registro:
    """El registro de una fila ya partida en celdas."""
    if len(fila) != len(nombres):
        if len(fila) < len(nombres):
            campo = nombres[len(fila)]
            motivo = "falta este valor: la fila está cortada o le falta un separador"
            valor: str = ""
        else:
            campo = f"columna {len(nombres) + 1} (sin encabezado)"
            motivo = (
                "sobra este valor: la fila tiene un separador de más (¿un valor con «,» o "
                "«;» sin comillas?)"
            )
            valor = fila[len(nombres)]
        raise DatoInvalido(
            f"{motivo}; la fila tiene {len(fila)} valores y el encabezado {len(nombres)} columnas",
            campo=campo,
            valor=valor,
            origen=origen,
        )
    argumentos: dict[str, object] = {}
    for nombre, celda in zip(nombres, fila, strict=True):
        texto = celda.strip()
        if not texto:
            if nombre in obligatorias:
                raise DatoInvalido(
                    "falta el valor, que es obligatorio",
                    campo=nombre,
                    valor=celda,
                    origen=origen,
                )
            continue  # vacía y opcional: el valor por omisión del registro
        lector = _LECTORES.get(nombre)
        try:
            argumentos[nombre] = texto if lector is None else lector(texto)
        except DatoInvalido as error:
            raise DatoInvalido(error.mensaje, campo=nombre, valor=texto, origen=origen) from None
    try:
        registro: Registro = clase(**argumentos)
    except DatoInvalido as error:
        if error.campo in nombres and not isinstance(error.valor, str | None):
            # El valor ya convertido (una fecha, un booleano) se muestra como vino en la
            # celda, no como lo escribe Python.
            celda = fila[nombres.index(error.campo)].strip()
            raise DatoInvalido(
                error.mensaje, campo=error.campo, valor=celda, origen=origen
            ) from None
        raise error.con_origen(origen) from None
    return registro  # pragma: no cover - `_leer` la usa solo con filas que la vía rápida rechazó


def _renglones(texto: str) -> io.TextIOWrapper:
    """Los renglones de `texto` como los parte ``io.StringIO(texto, newline="")`` (terminan
    en ``\n``, ``\r\n`` o ``\r``, que se conservan), sin copiarlo entero: `StringIO`
    guarda cuatro bytes por carácter; esto, un byte (issue 15)."""
    return io.TextIOWrapper(io.BytesIO(texto.encode("utf-8")), encoding="utf-8", newline="")


_TEXTO_NORMAL: Final = r"^[!-~]+(?: [!-~]+)*$"
_NIT_NORMAL: Final = r"^[1-9][0-9]{0,14}$"
_TAL_CUAL: Final[dict[object, str]] = {
    _c_gestor: _TEXTO_NORMAL,
    _c_gestor_opcional: _TEXTO_NORMAL,
    _c_id: _TEXTO_NORMAL,
    _c_nombre_opcional: _TEXTO_NORMAL,
    _c_razon: _TEXTO_NORMAL,
    _c_servicio: _TEXTO_NORMAL,
    _c_nit: _NIT_NORMAL,
    _c_nit_opcional: _NIT_NORMAL,
}
"""Conversor del registro → los textos que da tal cual (y sin error), sin llamarlo: un texto
ASCII visible con espacios sueltos entre palabras (`texto`, `id_gestor`) y un NIT de cifras
sin ceros a la izquierda ni más de 15 cifras (`normalizar_nit`). La lectura por columnas no
los pasa por Python; la pura (`_conversion`) los guarda sin llamar al conversor."""


def _patron_tal_cual(clase: type[Any], nombre: str) -> str | None:
    """La expresión regular de los textos de la columna `nombre` de `clase` que el registro
    guarda tal cual (`_TAL_CUAL`), o `None` si la columna tiene lector (`_LECTORES`) o su
    conversor no deja ningún texto igual. La usan las dos lecturas, pura y por columnas."""
    if nombre in _LECTORES:
        return None
    return _TAL_CUAL.get(attrs.fields_dict(clase)[nombre].converter)


class _Lento(Exception):
    """La fila no se pudo convertir por la vía rápida: la lenta da el error exacto."""


def _conversion(clase: type[Any], nombre: str, memos: _Memorias) -> _Memoria:
    """La memoria de los textos de la columna `nombre` ya pasados al valor final del campo
    (el lector de la celda y luego el conversor del registro; un texto nuevo se convierte al
    buscarlo, `_Memoria`).

    La memoria se comparte entre los archivos de una lectura por (lector, conversor, valor por
    omisión): el mismo texto da el mismo valor, una sola vez por lectura, y los registros
    comparten ese valor en lugar de guardar cada uno el suyo.
    """
    campo = attrs.fields_dict(clase)[nombre]
    lector = _LECTORES.get(nombre)
    conversor = cast(Callable[[object], object], campo.converter)
    obligatoria = campo.default is attrs.NOTHING

    def convertir(celda: str) -> object:
        texto = celda.strip()
        if not texto:
            if obligatoria:
                raise _Lento
            return conversor(campo.default)
        return conversor(texto if lector is None else lector(texto))

    patron = _patron_tal_cual(clase, nombre)
    if patron is not None:
        tal_cual = re.compile(patron).fullmatch
        convertir_todo = convertir

        def convertir(celda: str) -> object:
            # Un id, un gestor o un NIT ya normalizado (casi todos): sin llamar al conversor.
            return celda if tal_cual(celda) else convertir_todo(celda)

    clave = (lector, conversor, campo.default)
    memoria = memos.get(clave)
    if memoria is None:
        memoria = memos[clave] = _Memoria(convertir)
    return memoria


class _Memoria(dict[str, object]):
    """La memoria de una conversión: texto de la celda → valor del campo. Un texto que aún no
    está se convierte al buscarlo (``memoria[texto]``) y queda guardado; si no se puede
    convertir, sale el error del conversor (o `_Lento`) y no se guarda nada."""

    __slots__ = ("convertir",)

    def __init__(self, convertir: Callable[[str], object]) -> None:
        super().__init__()
        self.convertir = convertir

    def __missing__(self, celda: str) -> object:
        valor = self[celda] = self.convertir(celda)
        return valor


_Memorias = dict[tuple[object, ...], _Memoria]
"""Las memorias de una lectura, compartidas entre archivos (`_conversion`)."""


class _Conversor:
    """Cómo pasar las filas de un archivo a registros, una vez leído su encabezado: la
    conversión de cada columna con su memoria (`_conversion`), el constructor confiado y, para
    recorrer muchas filas de una vez, `recorrido` (`_recorrido_confiado`)."""

    def __init__(
        self,
        clase: type[Any],
        archivo: str,
        nombres: tuple[str, ...],
        obligatorias: frozenset[str],
        memos: _Memorias,
    ) -> None:
        self.clase, self.archivo = clase, archivo
        self.nombres, self.obligatorias = nombres, obligatorias
        self.memorias = [_conversion(clase, nombre, memos) for nombre in nombres]
        self.construir: Callable[..., Registro] = _constructor_confiado(clase, nombres)

    def fila(self, fila: list[str], inicio: int) -> Registro:
        """El registro de una fila que empieza en la línea `inicio`: cada texto nuevo se
        convierte una vez; ante cualquier problema, la fila se convierte como siempre
        (`_registro`), que da el error con su archivo, su línea y su columna."""
        try:
            if len(fila) != len(self.nombres):
                raise _Lento
            # Cada texto nuevo lo convierte su memoria (`_Memoria`), una vez.
            return self.construir(*map(getitem, self.memorias, fila))
        except (DatoInvalido, _Lento):
            origen = _origen(self.archivo, inicio)
            return _registro(self.clase, self.nombres, self.obligatorias, fila, origen)

    def recorrido(self) -> _Recorrido:
        return _recorrido_confiado(self.clase, self.nombres, self.memorias)


_Recorrido = Callable[[Iterator[str], list[Registro], str], tuple[int, str | None]]


_POCOS_VALORES: Final = frozenset(
    {"fecha", "fecha_gestion", "tipo", "medio", "rol", "regional", "obligada", "monetiza"}
)
"""Las columnas de pocos textos distintos (fechas, etiquetas, regionales, sí/no): las que
`_recorrido_confiado` busca juntas cuando cierran la fila."""

_LIMITE_GRUPO: Final = 1 << 16
"""Cuántos textos guarda la memoria de las columnas buscadas juntas antes de que el recorrido
vuelva a buscarlas una por una (fechas con hora: casi un texto distinto por fila)."""


def _juntas(nombres: tuple[str, ...]) -> int:
    """Cuántas columnas del final de `nombres` busca juntas `_recorrido_confiado`: las de
    `_POCOS_VALORES` seguidas al final, si son al menos dos (si no, 0).

    >>> _juntas(("gestor", "nit", "fecha", "tipo", "medio"))
    3
    >>> _juntas(("gestor", "fecha", "valor"))
    0
    """
    cuantas = 0
    for nombre in reversed(nombres):
        if nombre not in _POCOS_VALORES:
            break
        cuantas += 1
    return cuantas if cuantas >= 2 else 0


def _grupo(memorias: list[_Memoria], separador: str) -> _Memoria:
    """La memoria de las últimas columnas buscadas juntas: el texto de esas celdas con sus
    separadores (``"18/07/2012;Nuevo;Visita"``) → la tupla de sus valores, cada uno de la
    memoria de su columna (el mismo objeto). Otra cantidad de celdas, o una que no se
    convierte, es el error de la memoria (o `_Lento`): la fila va por la vía de siempre."""
    cuantas = len(memorias)

    def convertir(texto: str) -> object:
        celdas = texto.split(separador)
        if len(celdas) != cuantas:
            raise _Lento
        return tuple(map(getitem, memorias, celdas))

    return _Memoria(convertir)


def _recorrido_confiado(
    clase: type[Any], nombres: tuple[str, ...], memorias: list[_Memoria]
) -> _Recorrido:
    """Una función ``recorrer(lineas, registros, separador)`` que toma líneas del iterador
    `lineas`, parte cada una, busca cada celda en la memoria de su columna y agrega a
    `registros` el registro armado como `registros._constructor_confiado` (sin llamar a una
    función por fila; un texto nuevo lo convierte la memoria, `_Memoria`). Para en la primera
    línea que no puede hacer así (otra cantidad de celdas, una celda que no se convierte, una
    comprobación entre campos que falla) y devuelve cuántas armó y esa línea (``None`` si se
    acabaron): esa fila va por `_Conversor.fila`, y el recorrido sigue con el mismo iterador.

    Las columnas de pocos valores que cierran la fila (`_juntas`: en los contactos, fecha,
    tipo y medio, unas 1.600 combinaciones) se buscan juntas, como un solo texto, en una
    memoria más (`_grupo`, una por separador): la línea se parte en tres celdas y no en cinco,
    con tres búsquedas. Si esa memoria pasa de `_LIMITE_GRUPO` textos, las líneas que siguen
    (desde la próxima llamada) se parten en todas sus celdas, como sin grupo.

    Escrita para la clase y sus columnas, como el constructor confiado (issue 15)."""
    entorno: dict[str, Any] = {"DatoInvalido": DatoInvalido, "_Lento": _Lento}
    n = len(nombres)
    celdas = [f"c{i}" for i in range(n)]
    for i, memoria in enumerate(memorias):
        entorno[f"memoria{i}"] = memoria
    valores = [f"memoria{i}[c{i}]" for i in range(n)]
    cuerpo = _sentencias_confiadas(clase, nombres, valores, entorno)
    una_por_una = [
        "        for linea in lineas:",
        f"            {', '.join(celdas)}, = linea.split(separador)",
        *(f"            {s}" for s in cuerpo),
        "            agregar(registro)",
    ]
    juntas = _juntas(nombres)
    if juntas:
        sueltas = n - juntas
        grupos: dict[str, _Memoria] = {}
        entorno.update(
            grupos=grupos, grupo_de=lambda s: _grupo(memorias[sueltas:], s), LIMITE=_LIMITE_GRUPO
        )
        resto = [f"v{i}" for i in range(sueltas, n)]
        cuerpo_junto = _sentencias_confiadas(clase, nombres, [*valores[:sueltas], *resto], entorno)
        preparar = [
            "    grupo = grupos.get(separador)",
            "    if grupo is None:",
            "        grupo = grupos[separador] = grupo_de(separador)",
        ]
        recorridos = [
            "        if len(grupo) < LIMITE:",
            "            for linea in lineas:",
            f"                {', '.join([*celdas[:sueltas], 'g'])}, ="
            f" linea.split(separador, {sueltas})",
            f"                {', '.join(resto)}, = grupo[g]",
            *(f"                {s}" for s in cuerpo_junto),
            "                agregar(registro)",
            "            return len(registros) - antes, None",
            *una_por_una,
        ]
    else:
        preparar, recorridos = [], una_por_una
    codigo = "\n".join(
        [
            "def recorrer(lineas, registros, separador):",
            "    agregar = registros.append",
            "    antes = len(registros)",
            "    linea = None",
            *preparar,
            "    try:",
            *recorridos,
            "    except (ValueError, DatoInvalido, _Lento):",
            "        return len(registros) - antes, linea",
            "    return len(registros) - antes, None",
        ]
    )
    exec(compile(codigo, f"<recorrido confiado de {clase.__name__}>", "exec"), entorno)
    return cast(_Recorrido, entorno["recorrer"])


@contextlib.contextmanager
def _sin_recolector() -> Iterator[None]:
    """Sin el recolector de ciclos mientras se leen millones de registros (issue 15): cada
    pasada del recolector recorre los registros ya leídos, y leer no crea ciclos. Al salir
    queda como estaba."""
    activo = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if activo:
            gc.enable()


_BLOQUE: Final = 1 << 20
"""Los caracteres (más el resto de la última línea) que se parten en líneas de una vez: sin
una lista con todas las líneas del archivo en memoria."""


def _fin_de_linea(texto: str) -> str | None:
    """El fin de línea de `texto` si `csv.reader` partiría sus filas como `str.split`: sin
    comillas ni bytes nulos, y todas las líneas terminadas en ``\n`` o todas en ``\r\n``;
    ``None`` si no."""
    if '"' in texto or "\x00" in texto:
        return None
    retornos = texto.count("\r")
    if not retornos:
        return "\n"
    if retornos == texto.count("\r\n") == texto.count("\n"):
        return "\r\n"
    return None


def _leer_por_lineas(
    texto: str,
    archivo: str,
    clase: type[Any],
    separador: str,
    linea_sep: int,
    limite: int,
    memos: _Memorias,
) -> tuple[list[Registro], array[int]] | None:
    """`_leer` sin `csv.reader` cuando se puede (issue 15): con un solo fin de línea y sin
    comillas (`_fin_de_linea`), cada fila es su línea partida por el separador, la misma que
    da `csv.reader`. Las líneas se parten por bloques (`_BLOQUE`) y las filas se recorren con
    `_recorrido_confiado`; una fila que este no arma (vacía, la línea ``sep=``, un texto
    nuevo, un error) pasa por el mismo código que en `_leer_con_csv`, así que los registros,
    sus líneas y los errores son los mismos. ``None`` (y `_leer_con_csv` lee el archivo) si
    no hay encabezado, si el fin de línea no sirve o si una línea pasa de `limite`."""
    fin = _fin_de_linea(texto)
    if fin is None:
        return None
    registros: list[Registro] = []
    lineas_de: array[int] = array("L")
    conversor: _Conversor | None = None
    recorrer: _Recorrido | None = None
    siguiente = 1  # la línea de la próxima fila
    desde = 0  # dónde empieza el bloque en `texto`
    while desde <= len(texto):
        hasta = texto.find(fin, desde + _BLOQUE)
        hasta = len(texto) if hasta < 0 else hasta
        lineas = texto[desde:hasta].split(fin)
        desde = hasta + len(fin)
        if max(map(len, lineas)) > limite:
            return None  # una celda enorme: `csv.reader` dice cuál
        pendientes = iter(lineas)
        linea: str | None = next(pendientes)
        while linea is not None:
            if recorrer is not None:
                cuantos, linea = recorrer(chain((linea,), pendientes), registros, separador)
                lineas_de.extend(range(siguiente, siguiente + cuantos))
                siguiente += cuantos
                if linea is None:
                    break
            inicio, siguiente = siguiente, siguiente + 1
            fila = linea.split(separador)
            linea = next(pendientes, None)
            if inicio == linea_sep or not "".join(fila).strip():
                continue  # la línea sep= de Excel, o una fila toda vacía: no son registros
            if conversor is None:
                nombres, obligatorias = _encabezado(fila, archivo, clase, inicio)
                conversor = _Conversor(clase, archivo, nombres, obligatorias, memos)
                recorrer = conversor.recorrido()
                continue
            registros.append(conversor.fila(fila, inicio))
            lineas_de.append(inicio)
    if conversor is None:
        return None  # sin encabezado: el error es el de `_leer_con_csv`
    return registros, lineas_de


def _leer(
    contenido: bytes,
    archivo: str,
    clase: type[Any],
    memos: _Memorias | None = None,
) -> tuple[list[Registro], array[int]]:
    """Los registros de un CSV y la línea donde empieza cada uno.

    Las líneas en blanco antes del encabezado y la línea ``sep=;`` que pone Excel se
    saltan; una celda de más de `LIMITE_CELDA` caracteres es un error con su línea y su
    columna. Cada texto distinto de una columna se convierte una sola vez (`memos`) y los
    registros se construyen sin volver a validar lo ya convertido
    (`registros._constructor_confiado`); ante cualquier problema, la fila se convierte como
    siempre (`_registro`), que da el error con su archivo, su línea y su columna.
    """
    texto = _decodificar(contenido, archivo)
    separador, linea_sep = _separador(texto)
    limite = min(LIMITE_CELDA, csv.field_size_limit())
    memos = {} if memos is None else memos
    with _sin_recolector():
        leido = _leer_por_lineas(texto, archivo, clase, separador, linea_sep, limite, memos)
        if leido is not None:
            return leido
        return _leer_con_csv(texto, archivo, clase, separador, linea_sep, limite, memos)


def _leer_con_csv(
    texto: str,
    archivo: str,
    clase: type[Any],
    separador: str,
    linea_sep: int,
    limite: int,
    memos: _Memorias,
) -> tuple[list[Registro], array[int]]:
    """`_leer` con `csv.reader`: comillas, finales de línea mezclados, celdas enormes,
    archivos sin encabezado; da cada error de forma del CSV."""
    lector = csv.reader(_renglones(texto), delimiter=separador, strict=True)
    registros: list[Registro] = []
    lineas = array("L")
    nombres: tuple[str, ...] = ()
    conversor: _Conversor | None = None
    linea = 0
    try:
        for fila in lector:
            inicio, linea = linea + 1, lector.line_num
            if fila and max(map(len, fila)) > limite:
                posicion, celda = next((p, c) for p, c in enumerate(fila) if len(c) > limite)
                raise _celda_enorme(
                    nombres, posicion + 1, len(celda), limite, _origen(archivo, inicio),
                    "\n" in celda,
                )  # fmt: skip
            if inicio == linea_sep or not "".join(fila).strip():
                continue  # la línea sep= de Excel, o una fila toda vacía: no son registros
            if conversor is None:
                nombres, obligatorias = _encabezado(fila, archivo, clase, inicio)
                conversor = _Conversor(clase, archivo, nombres, obligatorias, memos)
                continue
            registros.append(conversor.fila(fila, inicio))
            lineas.append(inicio)
    except csv.Error as error:
        inicio = linea + 1
        columna, comillas = _columna_del_problema(texto, inicio, separador, limite)
        origen = _origen(archivo, inicio)
        if "field limit" in str(error):
            raise _celda_enorme(nombres, columna, None, limite, origen, comillas) from None
        if "end of data" in str(error):
            motivo = (
                "el CSV está mal formado: unas comillas abiertas en esta celda no se cierran "
                "antes del fin del archivo (comillas sin cerrar)"
            )
        else:
            motivo = (
                "el CSV está mal formado (comillas mal puestas): tras las comillas que "
                f"cierran una celda debe venir el separador «{separador}» o el fin de la línea"
            )
        raise DatoInvalido(motivo, campo=_nombre_columna(nombres, columna), origen=origen) from None
    if not nombres:
        motivo = "el archivo está vacío"
        if linea_sep:
            motivo = f"el archivo solo tiene la línea «sep=» de Excel (línea {linea_sep})"
        raise DatoInvalido(
            motivo
            + "; la primera línea debe ser el encabezado con las columnas: "
            + ", ".join(columnas(clase)[0]),
            origen=f"{archivo}, línea 1",
        )
    return registros, lineas


def _origen(archivo: str, linea: int) -> str:
    return f"{archivo}, línea {linea}"


def _nombre_columna(nombres: tuple[str, ...], columna: int) -> str:
    """El nombre de la columna (desde 1) o, sin encabezado o fuera de él, su número."""
    return nombres[columna - 1] if columna <= len(nombres) else f"columna {columna}"


def _celda_enorme(
    nombres: tuple[str, ...],
    columna: int,
    largo: int | None,
    limite: int,
    origen: str,
    comillas: bool,
) -> DatoInvalido:
    cuanto = f"{_miles(largo)} caracteres, más" if largo is not None else "más caracteres"
    causa = "el archivo está dañado o no es un CSV de las oficinas"
    if comillas:
        causa = "¿unas comillas sin cerrar que se tragan las líneas siguientes?"
    return DatoInvalido(
        f"la celda tiene {cuanto} que el límite de una celda ({_miles(limite)}, el de Excel); "
        + causa,
        campo=_nombre_columna(nombres, columna),
        origen=origen,
    )


def leer_csv(contenido: bytes, archivo: str) -> tuple[Registro, ...]:
    """Los registros de un CSV dado en bytes; `archivo` (``"contactos.csv"``) dice el tipo
    de registro y da el nombre que muestran los errores."""
    _, clase = _tipo(archivo)
    return tuple(_leer(contenido, archivo, clase)[0])


def _tipo(archivo: str) -> tuple[str, type[Any]]:
    tipo = ARCHIVOS.get(archivo.lower())
    if tipo is None:
        motivo = "no es un archivo de registros; se esperaba uno de: " + ", ".join(ARCHIVOS)
        parecidos = difflib.get_close_matches(archivo.lower(), ARCHIVOS, n=1)
        if parecidos:
            motivo += f"; ¿quiso decir {parecidos[0]}?"
        raise DatoInvalido(motivo, campo="archivo", valor=archivo)
    return tipo


# --- La carpeta ---


class ErroresDeLectura(DatoInvalido):
    """Varios errores de una misma carpeta de datos: uno por archivo o entrada mala, hasta
    `LIMITE_ERRORES`.

    `errores` guarda cada `DatoInvalido` (primero las entradas que no se leen, luego el
    primer error de cada archivo, cada grupo en el orden de los nombres) y `completo` dice
    si están todos (``False``: la lectura paró en el límite y puede haber más). El mensaje
    los pone uno por línea.
    """

    def __init__(self, errores: tuple[DatoInvalido, ...], *, completo: bool = True) -> None:
        self.errores = errores
        self.completo = completo
        cabeza = f"{len(errores)} errores en la carpeta de datos"
        if not completo:
            cabeza += f" (se muestran los primeros {len(errores)}; puede haber más)"
        super().__init__(cabeza + ":\n" + "\n".join(f"- {e}" for e in errores))


def leer_carpeta(
    carpeta: str | os.PathLike[str] | Traversable,
    *,
    avance: Callable[[str, int], None] | None = None,
) -> DatosSeguimiento:
    """Los `DatosSeguimiento` de una carpeta con un archivo por tipo de registro: CSV
    (`ARCHIVOS`) o libros de Excel del mismo nombre. Es `entrada.leer_carpeta`, donde se
    describe."""
    from sena_relacionamiento.io.entrada import leer_carpeta as leer

    return leer(carpeta, avance=avance)
