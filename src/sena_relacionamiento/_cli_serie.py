"""La orden ``sena-relacionamiento serie`` (issue 17), aparte de `cli` para que su cambio allí
sea mínimo: `agregar` la declara y `ejecutar` la corre."""

from __future__ import annotations

import argparse
import os
from typing import Any

from sena_relacionamiento import _cli_datos
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.io._archivos import comprobar_salida
from sena_relacionamiento.io.csv_lector import _sin_recolector
from sena_relacionamiento.io.filtros import filtrar_serie
from sena_relacionamiento.io.serie_escritores import FORMATOS_SERIE, generar_serie
from sena_relacionamiento.parametros import PARAMETROS_2012
from sena_relacionamiento.periodos import Periodo
from sena_relacionamiento.serie import serie

__all__ = ["agregar", "ejecutar", "filtros"]


def filtros(o: Any) -> None:
    """Declara ``--regional`` y ``--gestor`` (de ``informe`` y ``serie``; ver `io.filtros`)."""
    o.add_argument(
        "--regional",
        metavar="REGIONAL",
        help="solo esta regional y sus gestores (nombre, alias o código); la nación y los "
        "roles quedan como referencia",
    )
    o.add_argument("--gestor", metavar="ID", help="solo este gestor (por su id) y su regional")


def agregar(ordenes: Any) -> None:
    """Declara la orden ``serie`` en los subanalizadores de la línea de comandos."""
    o = ordenes.add_parser(
        "serie",
        help="la serie mensual de los informes entre dos periodos",
        description="Calcula el informe de cada periodo de --desde a --hasta, ambos "
        "incluidos, con las reglas de «informe» (R13–R25), y escribe sus filas: en texto, "
        "una tabla por ámbito con los meses como columnas.",
    )
    o.add_argument("--desde", metavar="AAAA-MM", required=True, help="el primer periodo")
    o.add_argument("--hasta", metavar="AAAA-MM", required=True, help="el último periodo")
    o.add_argument("--datos", metavar="RUTA", help=_cli_datos.AYUDA_DATOS)
    o.add_argument("-v", "--detalle", action="store_true", help=_cli_datos.AYUDA_DETALLE)
    o.add_argument("--silencioso", action="store_true", help=_cli_datos.AYUDA_SILENCIOSO)
    o.add_argument(
        "--motor", choices=_cli_datos.MOTORES, default="auto", help=_cli_datos.AYUDA_MOTOR
    )
    o.add_argument(
        "--formato",
        choices=FORMATOS_SERIE,
        help="el formato de salida; por omisión, el de la extensión de --salida (.txt, .json, "
        ".csv) o texto",
    )
    o.add_argument(
        "--salida",
        metavar="ARCHIVO",
        help="el archivo donde escribir la serie (completo o nada); sin él, la salida "
        "estándar. No puede estar en la carpeta de --datos ni ser un archivo que no escribió "
        "esta herramienta",
    )
    o.add_argument(
        "--forzar",
        action="store_true",
        help="escribe --salida aunque esté en la carpeta de --datos o reemplace un archivo "
        "que no es un informe",
    )
    o.add_argument(
        "--parametros",
        metavar="ARCHIVO.toml",
        action="append",
        help="los parámetros de una vigencia, un documento TOML (R30); se repite, uno por "
        "vigencia que toque el lapso. Por omisión, los de 2012",
    )
    filtros(o)


def _periodo(nombre: str, texto: str, dia_corte: int) -> Periodo:
    try:
        return Periodo.parse(texto, dia_corte=dia_corte)
    except DatoInvalido as error:
        raise DatoInvalido(error.mensaje, campo=nombre, valor=texto) from None


def ejecutar(args: argparse.Namespace) -> None:
    """Corre ``serie`` con los argumentos ya leídos."""
    from sena_relacionamiento.cli import _entregar, _ErrorDeUso
    from sena_relacionamiento.io.parametros import cargar_parametros

    args.formato = _cli_datos.formato_de_salida(args, FORMATOS_SERIE)
    if args.formato == "xlsx" and not args.salida:
        raise _ErrorDeUso("el formato xlsx necesita --salida ARCHIVO")
    parametros = [cargar_parametros(archivo) for archivo in args.parametros or ()]
    dia = parametros[0].dia_corte if parametros else PARAMETROS_2012.dia_corte
    desde, hasta = _periodo("--desde", args.desde, dia), _periodo("--hasta", args.hasta, dia)
    if args.datos and not os.path.exists(args.datos):
        raise DatoInvalido("la carpeta o el libro no existe", campo="--datos", valor=args.datos)
    if args.salida:
        comprobar_salida(args.salida, datos=args.datos, forzar=args.forzar)
    _cli_datos.solo_puro(args, "la serie se calcula solo por la vía pura (por registros)")
    # Sin el recolector de ciclos, como ``informe``; los registros se liberan antes de volver
    # a encenderlo.
    with _sin_recolector():
        datos = _cli_datos.cargar(args)
        s = serie(datos, desde, hasta, parametros=parametros or PARAMETROS_2012)
        s = filtrar_serie(s, regional=args.regional, gestor=args.gestor)
        contenido = generar_serie(s, args.formato)
        del datos, s
    _entregar(args, contenido, f"Serie {desde} a {hasta} en formato {args.formato} escrita")
