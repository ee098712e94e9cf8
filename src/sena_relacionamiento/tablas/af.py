"""AF: ambientes de formación (R18), la vía por columnas (uso interno de `tablas`).

Gemelo de `indicadores/af.py` (la vía por registros): ambientes (`cantidad`) del mes por
gestor. Los pesos del detalle solo los da la vía por registros.
"""

from __future__ import annotations

from typing import Any

import narwhals.stable.v2 as nw

from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.indicadores._base import Calculo
from sena_relacionamiento.tablas._esquema import desde, preparar
from sena_relacionamiento.tablas._motor import MOTIVO_NULO, Motor, Paso, agrupar, columnas_de

__all__ = ["paso"]


def paso(motor: Motor, nativo: Any) -> Paso[Calculo]:
    """AF (R18): ambientes del mes por gestor."""
    t = preparar("ambientes", nativo)
    fh = t.fecha_hora["fecha"]
    pares = [
        (nw.col("_nula"), MOTIVO_NULO),
        (~motor.conocido(), Motivo.GESTOR_DESCONOCIDO),
        *motor.motivos_de_fecha(t),
    ]
    mes = (
        nw.when(desde("fecha", fh, motor.ctx.inicio_mes))
        .then(nw.col("cantidad"))
        .otherwise(nw.lit(0, dtype=nw.Int64))
    )

    def interpretar(consulta: Any) -> Calculo:
        calculo = Calculo()
        c = motor.repartir("ambientes", pares, columnas_de(consulta))
        for id_gestor, mes in zip(c["gestor"], c["mes"], strict=True):
            calculo.gestor(id_gestor).numerador = int(mes)
        return calculo

    return Paso((agrupar(motor.con_conocido(t.marco), ["gestor"], pares, mes=mes),), interpretar)
