"""EM: empresas que monetizan (R20), la vía por columnas (uso interno de `tablas`).

Gemelo de `indicadores/em.py` (la vía por registros): de las empresas asignadas con cuota
regulada, las que la monetizan. Una empresa tiene un solo registro de cuota, una sin cuota no
la monetiza y el gestor que nombra un registro es el asignado (`RegistroInconsistente` o
`DatoInvalido`, R20).
"""

from __future__ import annotations

from typing import Any

import narwhals.stable.v2 as nw

from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.errores import RegistroInconsistente
from sena_relacionamiento.indicadores._base import Calculo
from sena_relacionamiento.tablas._esquema import preparar
from sena_relacionamiento.tablas._motor import (
    MOTIVO_NULO,
    Motor,
    Paso,
    agrupar,
    columnas_de,
    entero,
    fila,
    invalido,
    registros_de,
)

__all__ = ["paso"]


def paso(motor: Motor, nativo: Any, cartera: Any) -> Paso[Calculo]:
    """EM (R20): empresas asignadas con cuota (denominador) y las que la monetizan."""
    t = preparar("cuotas", nativo)
    marco = t.marco.select("nit", "cuota_regulada", "monetiza", "gestor", "_nula", *fila(motor))
    pares = [
        (nw.col("_nula"), MOTIVO_NULO),
        (nw.col("_gestor").is_null(), Motivo.EMPRESA_NO_ASIGNADA),
        (nw.col("cuota_regulada") == 0, Motivo.SIN_CUOTA),
    ]
    no_nulas = marco.filter(~nw.col("_nula"))
    unidas = marco.join(cartera.rename({"gestor": "_gestor"}), on="nit", how="left")
    motor.anotar_codigos("cuotas", unidas, pares)
    sin_cuota = nw.col("monetiza") & (nw.col("cuota_regulada") == 0)
    otro_gestor = (
        ~nw.col("gestor").is_null()
        & ~nw.col("_gestor").is_null()
        & (nw.col("gestor") != nw.col("_gestor"))
    )
    consultas = (
        no_nulas.select(nw.len().alias("n"), nw.col("nit").n_unique().alias("nits")),
        agrupar(
            unidas,
            ["_gestor"],
            pares,
            monetizan=entero(nw.col("monetiza")),
            sin_cuota=entero(sin_cuota),
            otro_gestor=entero(otro_gestor),
        ),
    )

    def interpretar(resumen: Any, consulta: Any) -> Calculo:
        grupos = columnas_de(consulta)
        if any(grupos["sin_cuota"]):  # como en el núcleo, antes que las contradicciones
            invalido("cuotas", no_nulas.filter(sin_cuota), "monetiza")
        fila = columnas_de(resumen)
        if int(fila["n"][0]) != int(fila["nits"][0] or 0):
            dobles = columnas_de(
                no_nulas.group_by("nit").agg(nw.len().alias("n")).filter(nw.col("n") > 1).head(1)
            )
            nit = dobles["nit"][0]
            raise RegistroInconsistente(
                f"cuotas: la empresa {nit} tiene dos registros de cuota",
                registros_de("cuotas", no_nulas.filter(nw.col("nit") == nw.lit(nit))),
            )
        if any(grupos["otro_gestor"]):
            otra = unidas.filter(~nw.col("_nula"), otro_gestor).drop("_gestor")
            raise RegistroInconsistente(
                "cuotas: un registro de cuota nombra a un gestor distinto del asignado (R20)",
                registros_de("cuotas", otra, 1),
            )
        calculo = Calculo()
        c = motor.repartir("cuotas", pares, grupos)
        for id_gestor, n, monetizan in zip(c["_gestor"], c["_n"], c["monetizan"], strict=True):
            parcial = calculo.gestor(id_gestor)
            parcial.denominador = int(n)
            parcial.numerador = int(monetizan)
        return calculo

    return Paso(consultas, interpretar)
