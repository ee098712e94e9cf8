"""La línea de comandos ``sena-relacionamiento`` (también ``python -m sena_relacionamiento``).

Órdenes:

- ``informe [--datos RUTA] [--periodo AAAA-MM] [--regional R] [--gestor ID]
  [--formato texto|json|csv|csv-excel|xlsx|html] [--salida ARCHIVO] [-v]``: el informe
  consolidado de un periodo (R13–R25); ``RUTA`` es una carpeta de ``<tipo>.csv`` o
  ``<tipo>.xlsx`` o un libro con una hoja por tipo, y sin ella se usa el juego de datos de
  ejemplo incluido en el paquete. Sin ``--formato``, el de la extensión de ``--salida`` (ver
  `_cli_datos`). Al leer ``--datos`` muestra el
  progreso en la salida de errores si es una terminal (``--silencioso`` lo calla).
- ``clasificar --aportes MONTO --regional NOMBRE``: el tipo de empresa (R4) y el segmento de
  su regional (R3).
- ``periodo FECHA``: el periodo, el trimestre y la vigencia de una fecha (R8–R12).
- ``serie --desde AAAA-MM --hasta AAAA-MM [--datos RUTA] [--regional R] [--gestor ID]
  [--formato texto|json|csv|csv-excel|xlsx|html]
  [--salida ARCHIVO]``: los informes de cada periodo del lapso (ver `_cli_serie`).
- ``regionales``: el catálogo de las 33 regionales con su código y su segmento (R1, R3).
- ``parametros [--vigencia AAAA]``: el documento TOML de los parámetros de una vigencia
  (R30); para otro año, una plantilla con los números de 2012 para confirmar uno por uno.

Las órdenes que aplican reglas (``informe``, ``serie``, ``clasificar``, ``periodo``,
``regionales``)
aceptan ``--parametros ARCHIVO.toml``: los parámetros de otra vigencia (por omisión, 2012).

Códigos de salida (`EXITO`, `ERROR_DE_USO`, `ERROR_EN_LOS_DATOS`, `ERROR_AL_ESCRIBIR`): 0 si
todo sale bien; 2 ante un uso inválido (argumentos, opciones o sus valores, un ``--salida``
que se rechaza); 3 si los datos de ``--datos`` están mal; 4 si el sistema no deja escribir la
salida. Siempre con el mensaje en español en la salida de errores y sin traza. En una
terminal que no es UTF-8 (``PYTHONIOENCODING=ascii``) el texto se translitera («—» → «-»,
«á» → «a») en lugar de fallar.

>>> main(["clasificar", "--aportes", "$ 250.000.000", "--regional", "Huila"])
Regional: Huila (41)
Segmento de la regional: Mediana
Aportes parafiscales anuales: $ 250.000.000
Tipo de empresa: Tipo B: más de $ 100.000.000 y hasta $ 300.000.000 en una regional mediana
Relacionamiento: Medianas y Gremios Regionales; Plan derivado anual o por demanda; ...
0
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any, Final, NoReturn, TypeVar

from sena_relacionamiento import _cli_datos, _cli_serie, formato
from sena_relacionamiento.dinero import parsear_pesos
from sena_relacionamiento.enumeraciones import TipoEmpresa
from sena_relacionamiento.errores import DatoInvalido, ErrorSena
from sena_relacionamiento.fechas import fecha_bogota
from sena_relacionamiento.io._archivos import comprobar_salida, motivo_de_sistema
from sena_relacionamiento.io.csv_lector import ErroresDeLectura, _sin_recolector, leer_fecha
from sena_relacionamiento.io.escritores import FORMATOS, escribir_atomico, generar
from sena_relacionamiento.io.filtros import filtrar
from sena_relacionamiento.io.parametros import cargar_parametros
from sena_relacionamiento.parametros import PARAMETROS_2012, Parametros
from sena_relacionamiento.periodos import Periodo, Trimestre, Vigencia
from sena_relacionamiento.regionales import REGIONALES, regional
from sena_relacionamiento.relacionamiento import relacionamiento, segmento_empresa
from sena_relacionamiento.segmentacion import tipo_empresa

__all__ = [
    "ERROR_AL_ESCRIBIR",
    "ERROR_DE_USO",
    "ERROR_EN_LOS_DATOS",
    "EXITO",
    "PROG",
    "main",
]

PROG: Final = "sena-relacionamiento"
"""El nombre de la orden."""

EXITO: Final = 0
ERROR_DE_USO: Final = 2
"""Argumentos u opciones inválidos, o un ``--salida`` que se rechaza."""
ERROR_EN_LOS_DATOS: Final = 3
"""Los datos de ``--datos`` están mal (un archivo, una línea, una celda…)."""
ERROR_AL_ESCRIBIR: Final = 4
"""El sistema no dejó escribir la salida (sin permiso, sin espacio…)."""

PERIODO_POR_OMISION: Final = "2012-03"

_T = TypeVar("_T")

# Los mensajes de argparse, en español.
_TRADUCCIONES: Final = (
    (
        re.compile(r"the following arguments are required: (.*)"),
        r"faltan los argumentos obligatorios: \1",
    ),
    (
        re.compile(r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)"),
        r"argumento \1: opción inválida: \2 (elija entre \3)",
    ),
    (re.compile(r"argument (.*?): invalid (.*?) value: (.*)"), r"argumento \1: valor inválido: \3"),
    (re.compile(r"argument (.*?): expected one argument"), r"argumento \1: falta su valor"),
    (re.compile(r"unrecognized arguments: (.*)"), r"argumentos no reconocidos: \1"),
    (re.compile(r"ambiguous option: (.*?) could match (.*)"), r"opción ambigua: \1 puede ser \2"),
)


def _traducir(mensaje: str) -> str:
    for patron, traduccion in _TRADUCCIONES:
        if patron.fullmatch(mensaje):
            return patron.sub(traduccion, mensaje)
    return mensaje


class _Formato(argparse.HelpFormatter):
    """La ayuda con «uso:» en lugar de «usage:»."""

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "uso: " if prefix is None else prefix)


class _Analizador(argparse.ArgumentParser):
    """Un `ArgumentParser` en español: ayuda con ``-h``/``--ayuda`` y errores traducidos."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formato)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumentos"
        self._optionals.title = "opciones"
        self.add_argument(
            "-h", "--ayuda", "--help", action="help", help="muestra esta ayuda y termina"
        )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {_traducir(message)}\n")


class _ErrorDeUso(Exception):
    """Un uso inválido que argparse no ve (por ejemplo ``xlsx`` sin ``--salida``)."""


class _ErrorDeDatos(Exception):
    """Un error de los datos de ``--datos``: sale con `ERROR_EN_LOS_DATOS`."""

    def __init__(self, error: ErrorSena) -> None:
        super().__init__(str(error))
        self.error = error


class _ErrorAlEscribir(Exception):
    """El sistema no dejó escribir ``--salida``: sale con `ERROR_AL_ESCRIBIR`."""


def _analizador() -> _Analizador:
    from sena_relacionamiento import __version__

    analizador = _Analizador(
        prog=PROG,
        description="Reglas de la Circular 109 de 2012 del SENA: informes de los indicadores "
        "de gestores empresariales y estratégicos, segmentación y periodos de corte.",
        epilog="Cada orden tiene su ayuda: sena-relacionamiento ORDEN --ayuda.",
    )
    analizador.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="muestra la versión y termina",
    )
    ordenes = analizador.add_subparsers(dest="orden", metavar="ORDEN", title="órdenes")

    o = ordenes.add_parser(
        "informe",
        help="el informe consolidado de un periodo",
        description="Calcula el informe consolidado de un periodo de corte (R13–R25): la "
        "nación, los roles, las regionales y los gestores, con los registros excluidos.",
    )
    o.add_argument("--datos", metavar="RUTA", help=_cli_datos.AYUDA_DATOS)
    o.add_argument("-v", "--detalle", action="store_true", help=_cli_datos.AYUDA_DETALLE)
    o.add_argument(
        "--periodo",
        metavar="AAAA-MM",
        help=f"el periodo del informe (por omisión, marzo de la vigencia de --parametros: "
        f"{PERIODO_POR_OMISION} sin --parametros)",
    )
    o.add_argument(
        "--formato",
        choices=FORMATOS,
        help="el formato de salida; por omisión, el de la extensión de --salida (.txt, .json, "
        ".csv, .xlsx, .html) o texto; xlsx necesita --salida",
    )
    o.add_argument(
        "--salida",
        metavar="ARCHIVO",
        help="el archivo donde escribir el informe (completo o nada); sin él, se escribe en "
        "la salida estándar. No puede estar en la carpeta de --datos ni ser un archivo que "
        "no escribió esta orden",
    )
    o.add_argument(
        "--forzar",
        action="store_true",
        help="escribe --salida aunque esté en la carpeta de --datos o reemplace un archivo "
        "que no es un informe",
    )
    _opcion_parametros(o)
    _cli_serie.filtros(o)
    o.add_argument(
        "--silencioso",
        action="store_true",
        help=_cli_datos.AYUDA_SILENCIOSO,
    )
    o.add_argument(
        "--motor", choices=_cli_datos.MOTORES, default="auto", help=_cli_datos.AYUDA_MOTOR
    )

    o = ordenes.add_parser(
        "clasificar",
        help="el tipo de una empresa por sus aportes y el segmento de su regional",
        description="Clasifica una empresa por sus aportes parafiscales anuales (R4) y dice "
        "el segmento de su regional (R3).",
    )
    o.add_argument(
        "--aportes",
        metavar="MONTO",
        required=True,
        help="aportes parafiscales anuales en pesos, escritos como en Colombia "
        "(«$ 250.000.000», «250000000»)",
    )
    o.add_argument(
        "--regional",
        metavar="NOMBRE",
        required=True,
        help="la regional: nombre, alias o código («Huila», «Bogotá D.C.», «41»)",
    )
    _opcion_parametros(o)

    o = ordenes.add_parser(
        "periodo",
        help="el periodo, el trimestre y la vigencia de una fecha",
        description="Dice el periodo de corte, el trimestre y la vigencia a los que pertenece "
        "una fecha, con sus fechas (R8–R12).",
    )
    o.add_argument("fecha", metavar="FECHA", help="AAAA-MM-DD o DD/MM/AAAA (hora opcional)")
    o.add_argument(
        "--dia-corte",
        type=int,
        metavar="DÍA",
        help="el día de corte, de 1 a 28 (por omisión el de --parametros o "
        f"{PARAMETROS_2012.dia_corte}, R10)",
    )
    _opcion_parametros(o)

    _cli_serie.agregar(ordenes)  # serie (issue 17): su propio módulo
    o = ordenes.add_parser(
        "regionales",
        help="el catálogo de las 33 regionales",
        description="Lista las 33 regionales con su código, su segmento (R3), su meta de "
        "contratos voluntarios (R27) y su tope de empresas que monetizan (R28).",
    )
    _opcion_parametros(o)

    o = ordenes.add_parser(
        "parametros",
        help="el documento TOML de los parámetros de una vigencia",
        description="Escribe el documento TOML de los parámetros de una vigencia (R30), que "
        "--parametros y cargar_parametros leen. Para otro año, es una plantilla: los números "
        "de la vigencia base, cada uno con la fuente «plantilla: … confirme cada cifra»; la "
        "biblioteca no inventa metas.",
    )
    o.add_argument(
        "--vigencia",
        type=int,
        metavar="AAAA",
        help="el año (por omisión, el de la vigencia base: 2012 o la de --parametros)",
    )
    _opcion_parametros(o)
    return analizador


def _opcion_parametros(orden: argparse.ArgumentParser) -> None:
    orden.add_argument(
        "--parametros",
        metavar="ARCHIVO.toml",
        help="los parámetros de la vigencia, un documento TOML (R30); por omisión, los de "
        "2012. «sena-relacionamiento parametros --vigencia AAAA» escribe una plantilla",
    )


def _parametros(args: argparse.Namespace) -> Parametros:
    """Los de ``--parametros`` o, sin la opción, los de 2012."""
    return cargar_parametros(args.parametros) if args.parametros else PARAMETROS_2012


def _argumento(nombre: str, funcion: Callable[[str], _T], texto: str) -> _T:
    """`funcion(texto)`, con el error renombrado como el argumento de la orden."""
    try:
        return funcion(texto)
    except DatoInvalido as error:
        raise DatoInvalido(error.mensaje, campo=nombre, valor=texto) from None


def _escribir(contenido: str, *, binario: bool) -> None:
    """A la salida estándar. Los formatos de archivo (JSON, CSV, HTML) van en UTF-8 sea cual
    sea la codificación de la terminal, para que ``> archivo`` dé un archivo válido."""
    buffer = getattr(sys.stdout, "buffer", None)
    if binario and buffer is not None:
        sys.stdout.flush()
        buffer.write(contenido.encode("utf-8"))
        buffer.flush()
    else:
        sys.stdout.write(contenido)


def _orden_informe(args: argparse.Namespace) -> None:
    args.formato = _cli_datos.formato_de_salida(args, FORMATOS)
    if args.formato == "xlsx" and not args.salida:
        raise _ErrorDeUso("el formato xlsx necesita --salida ARCHIVO")
    p = _parametros(args)
    texto = args.periodo or f"{p.vigencia}-{PERIODO_POR_OMISION[5:]}"
    periodo = _argumento("--periodo", lambda t: Periodo.parse(t, dia_corte=p.dia_corte), texto)
    if args.datos and not os.path.exists(args.datos):
        raise DatoInvalido("la carpeta o el libro no existe", campo="--datos", valor=args.datos)
    if args.salida:
        comprobar_salida(args.salida, datos=args.datos, forzar=args.forzar)
    # Sin el recolector de ciclos: leer y calcular crean millones de objetos sin ciclos, y
    # cada pasada los recorre todos (issue 15). Los registros se liberan antes de volver a
    # encenderlo: si no, su primera pasada los recorrería una vez más.
    with _sin_recolector():
        inf = filtrar(
            _cli_datos.informe_cli(args, periodo, p), regional=args.regional, gestor=args.gestor
        )
        contenido = generar(inf, args.formato)
        del inf
    _entregar(args, contenido, f"Informe {periodo} en formato {args.formato} escrito")


def _entregar(args: argparse.Namespace, contenido: str | bytes, aviso: str) -> None:
    """Escribe `contenido` en ``--salida`` (completo o nada) y lo avisa con `aviso`, o en la
    salida estándar sin ella; un error del sistema al escribir sale con `ERROR_AL_ESCRIBIR`."""
    if args.salida:
        try:
            escribir_atomico(args.salida, contenido)
        except OSError as error:
            raise _ErrorAlEscribir(
                f"--salida: no se pudo escribir {args.salida!r}: {motivo_de_sistema(error)}"
            ) from None
        print(f"{aviso} en {args.salida}")
    else:
        assert isinstance(contenido, str)  # solo xlsx da bytes, y exige --salida
        _escribir(contenido, binario=args.formato != "texto")


def _orden_clasificar(args: argparse.Namespace) -> None:
    p = _parametros(args)
    aportes = _argumento("--aportes", parsear_pesos, args.aportes)
    r = _argumento("--regional", regional, args.regional)
    segmento = p.segmento(r)
    tipo = tipo_empresa(aportes, r, parametros=p)
    inferido = " (inferido: la circular no la pone en su cuadro)"
    techo = p.techos_tipo_b[segmento]
    if tipo is TipoEmpresa.NO_FOCALIZADA:
        razon = f"hasta {formato.pesos(p.piso_tipo_b)}: se atiende por demanda"
    elif tipo is TipoEmpresa.B:
        razon = (
            f"más de {formato.pesos(p.piso_tipo_b)} y hasta {formato.pesos(techo)} en una "
            f"regional {segmento.etiqueta.lower()}"
        )
    else:
        razon = (
            f"más de {formato.pesos(techo)}, el techo del tipo B en una regional "
            f"{segmento.etiqueta.lower()}"
        )
    rel = relacionamiento(segmento_empresa(tipo))
    print(f"Regional: {r.nombre} ({r.codigo})")
    print(
        f"Segmento de la regional: {segmento.etiqueta}"
        + (inferido if r.codigo in p.segmentos_inferidos else "")
    )
    print(f"Aportes parafiscales anuales: {formato.pesos(aportes)}")
    print(f"Tipo de empresa: {tipo.etiqueta}: {razon}")
    print(
        f"Relacionamiento: {rel.segmento.etiqueta}; {rel.alcance.etiqueta}; "
        f"canal: {rel.canal.etiqueta}"
    )


def _orden_periodo(args: argparse.Namespace) -> None:
    valor = _argumento("FECHA", leer_fecha, args.fecha)
    dia_corte: int = _parametros(args).dia_corte if args.dia_corte is None else args.dia_corte
    if args.parametros and dia_corte != _parametros(args).dia_corte:
        raise _ErrorDeUso(f"--dia-corte {dia_corte} no es el día de corte de --parametros")
    periodo = Periodo.de(valor, dia_corte=dia_corte)
    trimestre = Trimestre.de(valor, dia_corte=dia_corte)
    vigencia = Vigencia.de(valor, dia_corte=dia_corte)
    print(f"Fecha: {formato.fecha(fecha_bogota(valor))} (corte día {dia_corte})")
    for nombre, lapso in (("Periodo", periodo), ("Trimestre", trimestre), ("Vigencia", vigencia)):
        print(
            f"{nombre} {lapso} ({lapso.etiqueta()}): del {formato.fecha(lapso.inicio)} al "
            f"{formato.fecha(lapso.fin)}"
        )
    print(f"Entrega del informe del periodo: {formato.fecha(periodo.fecha_entrega())}")


def _orden_regionales(args: argparse.Namespace) -> None:
    p = _parametros(args)
    filas = [("Código", "Regional", "Segmento", "Meta CV", "Tope EM")]
    for r in REGIONALES:
        marca = "*" if r.codigo in p.segmentos_inferidos else ""
        filas.append(
            (
                r.codigo,
                r.nombre,
                p.segmento(r).etiqueta + marca,
                formato.numero(p.metas_cv[r.codigo]),
                formato.numero(p.topes_em[r.codigo]),
            )
        )
    anchos = [max(len(f[i]) for f in filas) for i in range(len(filas[0]))]
    for fila in filas:
        izquierda = [c.ljust(a) for c, a in zip(fila[:3], anchos, strict=False)]
        derecha = [c.rjust(a) for c, a in zip(fila[3:], anchos[3:], strict=True)]
        print("  ".join([*izquierda, *derecha]))
    inferidas = ", ".join(r.nombre for r in REGIONALES if r.codigo in p.segmentos_inferidos)
    print(f"* Segmento inferido, no está en el cuadro de la circular: {inferidas}.")
    print(
        f"{len(REGIONALES)} regionales; metas CV: {formato.numero(sum(p.metas_cv.values()))}; "
        f"topes EM: {formato.numero(sum(p.topes_em.values()))} empresas."
    )


def _orden_parametros(args: argparse.Namespace) -> None:
    base = _parametros(args)
    anio = base.vigencia if args.vigencia is None else args.vigencia
    _escribir((base if anio == base.vigencia else base.plantilla(anio)).a_toml(), binario=True)


_ORDENES: Final[dict[str, Callable[[argparse.Namespace], None]]] = {
    "informe": _orden_informe,
    "clasificar": _orden_clasificar,
    "periodo": _orden_periodo,
    "serie": _cli_serie.ejecutar,
    "regionales": _orden_regionales,
    "parametros": _orden_parametros,
}


# La terminal: si no es UTF-8, el texto se translitera en lugar de fallar.
_TRANSLITERAR: Final = "sena_relacionamiento.transliterar"
_EQUIVALENTES: Final = {
    "—": "-", "–": "-", "≥": ">=", "≤": "<=", "×": "x", "…": "...", "«": '"', "»": '"',
    "“": '"', "”": '"', "‘": "'", "’": "'", "¿": "?", "¡": "!", "·": ".", "º": "o",
    "ª": "a", "°": "o", "\u00a0": " ", "\u202f": " ",
}  # fmt: skip


def _a_la_terminal(caracter: str, codificacion: str) -> str:
    """El carácter escrito con lo que `codificacion` tiene: su equivalente, o sin tilde, o
    ``?``."""
    for candidato in (
        _EQUIVALENTES.get(caracter, ""),
        "".join(c for c in unicodedata.normalize("NFKD", caracter) if not unicodedata.combining(c)),
    ):
        try:
            if candidato:
                candidato.encode(codificacion)
                return candidato
        except UnicodeEncodeError:
            continue
    return "?"


def _transliterar(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    trozo = error.object[error.start : error.end]
    return "".join(_a_la_terminal(c, error.encoding) for c in trozo), error.end


codecs.register_error(_TRANSLITERAR, _transliterar)


@contextlib.contextmanager
def _terminal_segura() -> Iterator[None]:
    """Mientras dura, la salida estándar y la de errores transliteran lo que su codificación
    no tiene (en lugar de lanzar `UnicodeEncodeError` o escribir ``\\xe1``); al final
    quedan como estaban."""
    cambiados: list[tuple[io.TextIOWrapper, str]] = []
    for flujo in (sys.stdout, sys.stderr):
        errores = getattr(flujo, "errors", None)
        if isinstance(flujo, io.TextIOWrapper) and errores in ("strict", "backslashreplace"):
            flujo.reconfigure(errors=_TRANSLITERAR)
            cambiados.append((flujo, errores))
    try:
        yield
    finally:
        for flujo, errores in cambiados:
            flujo.reconfigure(errors=errores)


def main(argv: list[str] | None = None) -> int:
    """Ejecuta la orden de `argv` (por omisión, los argumentos del proceso) y devuelve el
    código de salida: `EXITO` (0), `ERROR_DE_USO` (2), `ERROR_EN_LOS_DATOS` (3) o
    `ERROR_AL_ESCRIBIR` (4)."""
    with _terminal_segura():
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    analizador = _analizador()
    try:
        args = analizador.parse_args(argv)
    except SystemExit as salida:  # --ayuda, --version o un error de uso ya mostrado
        return salida.code if isinstance(salida.code, int) else ERROR_DE_USO
    if args.orden is None:
        analizador.print_help(sys.stderr)
        return ERROR_DE_USO
    try:
        _ORDENES[args.orden](args)
    except _ErrorDeDatos as error:
        # Varios errores: uno por línea y, al final, cuántos son.
        varios = error.error if isinstance(error.error, ErroresDeLectura) else None
        lineas = [*varios.errores, str(varios).partition(":\n")[0]] if varios else [error]
        for linea in lineas:
            print(f"{PROG}: error: {linea}", file=sys.stderr)
        return ERROR_EN_LOS_DATOS
    except (ErrorSena, _ErrorDeUso) as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return ERROR_DE_USO
    except _ErrorAlEscribir as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return ERROR_AL_ESCRIBIR
    except OSError as error:  # la salida estándar cerrada, por ejemplo
        archivo = f" {error.filename}" if error.filename else ""
        print(
            f"{PROG}: error: no se pudo usar{archivo}: {motivo_de_sistema(error)}", file=sys.stderr
        )
        return ERROR_AL_ESCRIBIR
    return EXITO
