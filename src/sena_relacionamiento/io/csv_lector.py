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
import csv
import difflib
import io
import os
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs

from sena_relacionamiento._texto import normalizar
from sena_relacionamiento.datos import DatosSeguimiento
from sena_relacionamiento.dinero import parsear_pesos
from sena_relacionamiento.errores import DatoInvalido, RegistroInconsistente
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
)

__all__ = [
    "ARCHIVOS",
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

_HORA: Final = r"(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?\s*(Z|[+-][0-9]{2}:?[0-9]{2})?)?"
_ISO: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})" + _HORA)
_COLOMBIANA: Final = re.compile(r"([0-9]{1,2})[/-]([0-9]{1,2})[/-]([0-9]{4})" + _HORA)
_ANIO_CORTO: Final = re.compile(r"[0-9]{1,2}[/-][0-9]{1,2}[/-][0-9]{2}\b.*")
_ENTERO: Final = re.compile(r"[+-]?(?:[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)")
_SI: Final = frozenset({"si", "s", "true", "verdadero", "1", "x"})
_NO: Final = frozenset({"no", "n", "false", "falso", "0"})


def leer_fecha(texto: str) -> date | datetime:
    """Una fecha ``AAAA-MM-DD`` o ``DD/MM/AAAA`` (también ``DD-MM-AAAA``), con una hora
    ``HH:MM`` o ``HH:MM:SS`` opcional tras un espacio o una ``T``.

    Sin zona, la hora es de Bogotá (R11); con ``Z`` o ``±HH:MM`` se devuelve un `datetime`
    con zona, que los registros convierten a Bogotá. Lo demás es un `DatoInvalido`.

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
            anio, mes, dia, int(hora[0]), int(hora[1]), int(hora[2] or 0), tzinfo=_zona(hora[3])
        )
    except ValueError:
        raise DatoInvalido(
            "no es una fecha del calendario (el día, el mes o la hora no existen)", valor=texto
        ) from None


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


def _decodificar(contenido: bytes, archivo: str) -> str:
    """El texto de un CSV en UTF-8, con o sin BOM; otra codificación es un `DatoInvalido`."""
    if contenido.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DatoInvalido(
            "el archivo está en UTF-16 («texto Unicode» de Excel); guárdelo como "
            "«CSV UTF-8 (delimitado por comas)»",
            origen=f"{archivo}, línea 1",
        )
    try:
        return contenido.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        inicio = contenido.rfind(b"\n", 0, error.start) + 1
        fin = contenido.find(b"\n", error.start)
        linea = contenido[inicio : fin if fin >= 0 else len(contenido)]
        numero = contenido.count(b"\n", 0, error.start) + 1
        raise DatoInvalido(
            "el archivo no está en UTF-8 (parece Latin-1 o Windows-1252, lo que Excel guarda "
            "como «CSV (delimitado por comas)»); ábralo y guárdelo como «CSV UTF-8 "
            "(delimitado por comas)»",
            valor=linea.decode("cp1252", errors="replace").rstrip("\r"),
            origen=f"{archivo}, línea {numero}",
        ) from None


def _encabezado(
    celdas: list[str], archivo: str, clase: type[Any]
) -> tuple[tuple[str, ...], frozenset[str]]:
    """Las columnas del encabezado, normalizadas (``Fecha gestión`` → ``fecha_gestion``),
    y las obligatorias; una columna vacía, repetida, desconocida o faltante es un error."""
    origen = f"{archivo}, línea 1"
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


def _separador(texto: str) -> str:
    """``;`` o ``,``: el que más aparece en la línea del encabezado (``,`` si empatan)."""
    primera = texto.partition("\n")[0]
    return ";" if primera.count(";") > primera.count(",") else ","


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
        raise error.con_origen(origen) from None
    return registro


def _leer(contenido: bytes, archivo: str, clase: type[Any]) -> list[tuple[Registro, str]]:
    """Los registros de un CSV con el origen (archivo y línea) de cada uno."""
    texto = _decodificar(contenido, archivo)
    lector = csv.reader(io.StringIO(texto, newline=""), delimiter=_separador(texto), strict=True)
    leidos: list[tuple[Registro, str]] = []
    nombres: tuple[str, ...] = ()
    obligatorias: frozenset[str] = frozenset()
    linea = 0
    try:
        for fila in lector:
            origen = f"{archivo}, línea {linea + 1}"
            linea = lector.line_num
            if not nombres:
                if not any(c.strip() for c in fila):
                    break  # la primera línea está vacía: no hay encabezado
                nombres, obligatorias = _encabezado(fila, archivo, clase)
            elif any(c.strip() for c in fila):  # una fila toda vacía no es un registro
                leidos.append((_registro(clase, nombres, obligatorias, fila, origen), origen))
    except csv.Error as error:
        raise DatoInvalido(
            f"el CSV está mal formado (comillas sin cerrar o mal puestas: {error})",
            origen=f"{archivo}, línea {linea + 1}",
        ) from None
    if not nombres:
        raise DatoInvalido(
            "el archivo está vacío; la primera línea debe ser el encabezado con las columnas: "
            + ", ".join(columnas(clase)[0]),
            origen=f"{archivo}, línea 1",
        )
    return leidos


def leer_csv(contenido: bytes, archivo: str) -> tuple[Registro, ...]:
    """Los registros de un CSV dado en bytes; `archivo` (``"contactos.csv"``) dice el tipo
    de registro y da el nombre que muestran los errores."""
    _, clase = _tipo(archivo)
    return tuple(registro for registro, _ in _leer(contenido, archivo, clase))


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


def leer_carpeta(carpeta: str | os.PathLike[str] | Traversable) -> DatosSeguimiento:
    """Los `DatosSeguimiento` de una carpeta con un CSV por tipo de registro (`ARCHIVOS`).

    Un archivo que falta es que no hay registros de ese tipo; los nombres se reconocen sin
    importar mayúsculas. Una carpeta que no existe, sin ninguno de los archivos, o con un
    CSV de otro nombre es un `DatoInvalido` (nada se salta en silencio). Las contradicciones
    entre registros son un `RegistroInconsistente` que dice el archivo y la línea de cada
    registro involucrado.
    """
    raiz: Traversable = Path(carpeta) if isinstance(carpeta, str | os.PathLike) else carpeta
    if not raiz.is_dir():
        motivo = "no es una carpeta"
        if isinstance(raiz, Path) and not raiz.exists():
            motivo = "la carpeta no existe"
        raise DatoInvalido(motivo, campo="datos", valor=str(carpeta))
    encontrados: dict[str, Traversable] = {}
    for entrada in sorted(raiz.iterdir(), key=lambda e: e.name):
        if not (entrada.name.lower().endswith(".csv") and entrada.is_file()):
            continue
        _tipo(entrada.name)
        clave = entrada.name.lower()
        if clave in encontrados:
            raise DatoInvalido(
                f"hay dos archivos para {clave}: {encontrados[clave].name} y {entrada.name}",
                campo="archivo",
                valor=entrada.name,
            )
        encontrados[clave] = entrada
    if not encontrados:
        raise DatoInvalido(
            "la carpeta no tiene ninguno de los archivos de registros: " + ", ".join(ARCHIVOS),
            campo="datos",
            valor=str(carpeta),
        )
    colecciones: dict[str, list[Registro]] = {}
    origenes: dict[int, str] = {}
    for clave, entrada in encontrados.items():
        coleccion, clase = ARCHIVOS[clave]
        leidos = _leer(entrada.read_bytes(), entrada.name, clase)
        colecciones[coleccion] = [registro for registro, _ in leidos]
        origenes.update((id(registro), origen) for registro, origen in leidos)
    colecciones.setdefault("gestores", [])
    colecciones.setdefault("asignaciones", [])
    try:
        return DatosSeguimiento(**colecciones)
    except RegistroInconsistente as error:
        lugares = [origenes[id(r)] for r in error.registros if id(r) in origenes]
        sufijo = f" ({'; '.join(lugares)})" if lugares else ""
        raise RegistroInconsistente(f"{error}{sufijo}", error.registros) from None
