"""La línea de comandos ``sena-relacionamiento`` (también ``python -m sena_relacionamiento``).

Órdenes:

- ``informe [--datos CARPETA] [--periodo AAAA-MM] [--formato texto|json|csv|xlsx|html]
  [--salida ARCHIVO]``: el informe consolidado de un periodo (R13–R25); sin ``--datos`` usa
  el juego de datos de ejemplo incluido en el paquete.
- ``clasificar --aportes MONTO --regional NOMBRE``: el tipo de empresa (R4) y el segmento de
  su regional (R3).
- ``periodo FECHA``: el periodo, el trimestre y la vigencia de una fecha (R8–R12).
- ``regionales``: el catálogo de las 33 regionales con su código y su segmento (R1, R3).
- ``parametros [--vigencia AAAA]``: el documento TOML de los parámetros de una vigencia
  (R30); para otro año, una plantilla con los números de 2012 para confirmar uno por uno.

Las órdenes que aplican reglas (``informe``, ``clasificar``, ``periodo``, ``regionales``)
aceptan ``--parametros ARCHIVO.toml``: los parámetros de otra vigencia (por omisión, 2012).

Termina con 0 si todo sale bien y con 2 ante un dato o un uso inválido, con el mensaje en
español en la salida de errores y sin traza.

>>> main(["clasificar", "--aportes", "$ 250.000.000", "--regional", "Huila"])
Regional: Huila (41)
Segmento de la regional: Mediana (R3)
Aportes parafiscales anuales: $ 250.000.000
Tipo de empresa: Tipo B (R4): más de $ 100.000.000 y hasta $ 300.000.000 en una regional mediana
Relacionamiento: Medianas y Gremios Regionales; Plan derivado anual o por demanda; ...
0
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import Any, Final, NoReturn, TypeVar

from sena_relacionamiento import formato
from sena_relacionamiento.dinero import parsear_pesos
from sena_relacionamiento.enumeraciones import TipoEmpresa
from sena_relacionamiento.errores import DatoInvalido, ErrorSena
from sena_relacionamiento.fechas import fecha_bogota
from sena_relacionamiento.informe import informe
from sena_relacionamiento.io.csv_lector import leer_carpeta, leer_fecha
from sena_relacionamiento.io.escritores import FORMATOS, escribir_atomico, generar
from sena_relacionamiento.io.parametros import cargar_parametros
from sena_relacionamiento.parametros import PARAMETROS_2012, Parametros
from sena_relacionamiento.periodos import Periodo, Trimestre, Vigencia
from sena_relacionamiento.regionales import REGIONALES, regional
from sena_relacionamiento.relacionamiento import relacionamiento, segmento_empresa
from sena_relacionamiento.segmentacion import tipo_empresa

__all__ = ["PROG", "main"]

PROG: Final = "sena-relacionamiento"
"""El nombre de la orden."""

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
    o.add_argument(
        "--datos",
        metavar="CARPETA",
        help="carpeta con un CSV por tipo de registro (gestores.csv, contactos.csv…); sin "
        "ella se usa el juego de datos de ejemplo incluido",
    )
    o.add_argument(
        "--periodo",
        metavar="AAAA-MM",
        default=PERIODO_POR_OMISION,
        help=f"el periodo del informe (por omisión {PERIODO_POR_OMISION})",
    )
    o.add_argument(
        "--formato",
        choices=FORMATOS,
        default="texto",
        help="el formato de salida (por omisión texto); xlsx necesita --salida",
    )
    o.add_argument(
        "--salida",
        metavar="ARCHIVO",
        help="el archivo donde escribir el informe (completo o nada); sin él, se escribe en "
        "la salida estándar",
    )
    _opcion_parametros(o)

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
    if args.formato == "xlsx" and not args.salida:
        raise _ErrorDeUso("el formato xlsx necesita --salida ARCHIVO")
    p = _parametros(args)
    periodo = _argumento(
        "--periodo", lambda t: Periodo.parse(t, dia_corte=p.dia_corte), args.periodo
    )
    if args.datos:
        datos = leer_carpeta(args.datos)
    else:
        from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo

        datos = datos_de_ejemplo()
    contenido = generar(informe(datos, periodo, parametros=p), args.formato)
    if args.salida:
        escribir_atomico(args.salida, contenido)
        print(f"Informe {periodo} en formato {args.formato} escrito en {args.salida}")
    else:
        assert isinstance(contenido, str)  # solo xlsx da bytes, y exige --salida
        _escribir(contenido, binario=args.formato != "texto")


def _orden_clasificar(args: argparse.Namespace) -> None:
    p = _parametros(args)
    aportes = _argumento("--aportes", parsear_pesos, args.aportes)
    r = _argumento("--regional", regional, args.regional)
    segmento = p.segmento(r)
    tipo = tipo_empresa(aportes, r, parametros=p)
    inferido = " (inferido: la circular no la pone en su cuadro; R3)"
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
            f"{segmento.etiqueta.lower()} (decisión de R4)"
        )
    rel = relacionamiento(segmento_empresa(tipo))
    print(f"Regional: {r.nombre} ({r.codigo})")
    print(
        f"Segmento de la regional: {segmento.etiqueta}"
        + (inferido if r.codigo in p.segmentos_inferidos else " (R3)")
    )
    print(f"Aportes parafiscales anuales: {formato.pesos(aportes)}")
    print(f"Tipo de empresa: {tipo.etiqueta} (R4): {razon}")
    print(
        f"Relacionamiento: {rel.segmento.etiqueta}; {rel.alcance.etiqueta}; "
        f"canal: {rel.canal.etiqueta} (R6)"
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
    print(f"Entrega del informe del periodo: {formato.fecha(periodo.fecha_entrega())} (R12)")


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
    print(f"* Segmento inferido, no está en el cuadro de la circular (R3): {inferidas}.")
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
    "regionales": _orden_regionales,
    "parametros": _orden_parametros,
}


def _mensaje_de_archivo(error: OSError) -> str:
    archivo = f" {error.filename}" if error.filename else ""
    return f"no se pudo usar el archivo{archivo}: {error.strerror or error}"


def main(argv: list[str] | None = None) -> int:
    """Ejecuta la orden de `argv` (por omisión, los argumentos del proceso) y devuelve el
    código de salida: 0 si todo sale bien, 2 ante un dato o un uso inválido."""
    analizador = _analizador()
    try:
        args = analizador.parse_args(argv)
    except SystemExit as salida:  # --ayuda, --version o un error de uso ya mostrado
        return salida.code if isinstance(salida.code, int) else 2
    if args.orden is None:
        analizador.print_help(sys.stderr)
        return 2
    try:
        _ORDENES[args.orden](args)
    except (ErrorSena, _ErrorDeUso) as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"{PROG}: error: {_mensaje_de_archivo(error)}", file=sys.stderr)
        return 2
    return 0
