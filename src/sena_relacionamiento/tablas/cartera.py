"""Cartera (R14), la vía por columnas (uso interno de `tablas`).

Gemelo de la cartera de `DatosSeguimiento` (`datos.py`, su índice `cartera`): una fila por
empresa asignada a un gestor conocido. Las asignaciones repetidas y las de un gestor
desconocido se excluyen con su motivo (R23); una empresa con dos gestores es un
`RegistroInconsistente` (R14).
"""

from __future__ import annotations

from typing import Any

import narwhals.stable.v2 as nw

from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.errores import RegistroInconsistente
from sena_relacionamiento.tablas._esquema import FILA, preparar
from sena_relacionamiento.tablas._motor import (
    CONTADO,
    MOTIVO_NULO,
    Motor,
    Paso,
    columnas_de,
    entero,
    registros_de,
)

__all__ = ["paso"]


def paso(motor: Motor, nativo: Any) -> tuple[Any, Paso[None]]:
    """La consulta de las asignaciones válidas (nit, gestor): una fila por empresa, de un
    gestor conocido; y el paso que cuenta las excluidas (repetidas, de un gestor
    desconocido) y revisa que ninguna empresa tenga dos gestores."""
    marco = preparar("asignaciones", nativo).marco
    # Las parejas distintas, una vez (`Motor.compartir`): la cartera de EC, EP, CV y EM.
    pares = motor.compartir(
        motor.con_conocido(marco.filter(~nw.col("_nula")).select("nit", "gestor").unique())
    )
    cartera = pares.filter(motor.conocido()).select("nit", "gestor")
    if motor.filas:
        # Las filas excluidas: de cada pareja, las repetidas y, si el gestor es desconocido,
        # una (las demás ya son repetidas).
        por_pareja = motor.con_conocido(
            marco.filter(~nw.col("_nula"))
            .group_by("nit", "gestor")
            .agg(nw.col(FILA).min(), nw.len().alias("_k"))
        )
        motor.anotar_excluidas(
            "asignaciones",
            por_pareja.with_columns(_m=entero(nw.col("_k") > 1)),
            [Motivo.ASIGNACION_REPETIDA],
            veces=nw.col("_k") - 1,
        )
        motor.anotar_excluidas(
            "asignaciones",
            por_pareja.with_columns(_m=entero(~motor.conocido())),
            [Motivo.GESTOR_DESCONOCIDO],
        )
    consultas = (
        marco.select(nw.len().alias("total"), nw.col("_nula").cast(nw.Int64).sum().alias("nulas")),
        pares.select(
            nw.len().alias("pares"), motor.conocido().cast(nw.Int64).sum().alias("buenos")
        ),
        pares.group_by("nit").agg(nw.len().alias("n")).filter(nw.col("n") > 1).head(1),
    )

    def interpretar(resumen: Any, distintos: Any, dobles: Any) -> None:
        if len(dobles):
            nit = columnas_de(dobles)["nit"][0]
            raise RegistroInconsistente(
                f"asignaciones: la empresa {nit} está asignada a dos gestores",
                registros_de("asignaciones", pares.filter(nw.col("nit") == nw.lit(nit))),
            )
        fila, par = columnas_de(resumen), columnas_de(distintos)
        total, nulas = int(fila["total"][0]), int(fila["nulas"][0] or 0)
        n_pares, buenos = int(par["pares"][0]), int(par["buenos"][0] or 0)
        extra = {
            Motivo.ASIGNACION_REPETIDA: total - nulas - n_pares,
            Motivo.GESTOR_DESCONOCIDO: n_pares - buenos,
        }
        motor.anotar("asignaciones", {CONTADO: total - nulas, MOTIVO_NULO: nulas}, extra)

    return cartera, Paso(consultas, interpretar)
