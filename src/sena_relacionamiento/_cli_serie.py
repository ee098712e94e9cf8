"""La orden ``sena-relacionamiento serie`` (issue 17), aparte de `cli` para que su cambio allí
sea mínimo: `agregar` la declara y `ejecutar` la corre."""

from __future__ import annotations

import argparse
from typing import Any

from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.io.csv_lector import leer_carpeta
from sena_relacionamiento.io.escritores import escribir_atomico
from sena_relacionamiento.io.filtros import filtrar_serie
from sena_relacionamiento.io.serie_escritores import FORMATOS_SERIE, generar_serie
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
    o.add_argument(
        "--datos",
        metavar="CARPETA",
        help="carpeta con un CSV por tipo de registro; sin ella se usa el juego de datos de "
        "ejemplo incluido",
    )
    o.add_argument(
        "--formato",
        choices=FORMATOS_SERIE,
        default="texto",
        help="el formato de salida (por omisión texto); xlsx necesita --salida",
    )
    o.add_argument(
        "--salida",
        metavar="ARCHIVO",
        help="el archivo donde escribir la serie (completo o nada); sin él, la salida estándar",
    )
    filtros(o)


def _periodo(nombre: str, texto: str) -> Periodo:
    try:
        return Periodo.parse(texto)
    except DatoInvalido as error:
        raise DatoInvalido(error.mensaje, campo=nombre, valor=texto) from None


def ejecutar(args: argparse.Namespace) -> None:
    """Corre ``serie`` con los argumentos ya leídos."""
    from sena_relacionamiento.cli import _ErrorDeUso, _escribir

    if args.formato == "xlsx" and not args.salida:
        raise _ErrorDeUso("el formato xlsx necesita --salida ARCHIVO")
    desde, hasta = _periodo("--desde", args.desde), _periodo("--hasta", args.hasta)
    if args.datos:
        datos = leer_carpeta(args.datos)
    else:
        from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo

        datos = datos_de_ejemplo()
    s = filtrar_serie(serie(datos, desde, hasta), regional=args.regional, gestor=args.gestor)
    contenido = generar_serie(s, args.formato)
    if args.salida:
        escribir_atomico(args.salida, contenido)
        print(f"Serie {desde} a {hasta} en formato {args.formato} escrita en {args.salida}")
    else:
        assert isinstance(contenido, str)  # solo xlsx da bytes, y exige --salida
        _escribir(contenido, binario=args.formato != "texto")
