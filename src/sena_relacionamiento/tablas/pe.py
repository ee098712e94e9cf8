"""PE: participación en eventos (R21), la vía por columnas (uso interno de `tablas`).

Gemelo de `indicadores/pe.py` (la vía por registros): eventos del mes, por gestor o, sin
gestor, por regional. Un evento con gestor debe ser de la regional del gestor
(`RegistroInconsistente`, R21). Asistentes y razones del detalle solo los da la vía por
registros.
"""

from __future__ import annotations

from typing import Any

import narwhals.stable.v2 as nw

from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.indicadores._base import Calculo
from sena_relacionamiento.tablas._esquema import desde, preparar
from sena_relacionamiento.tablas._motor import (
    MOTIVO_NULO,
    Motor,
    Paso,
    agrupar,
    clave,
    columnas_de,
    entero,
)

__all__ = ["paso"]


def paso(motor: Motor, nativo: Any) -> Paso[Calculo]:
    """PE (R21): eventos del mes, por gestor o por regional."""
    t = preparar("eventos", nativo)
    fh = t.fecha_hora["fecha"]
    pares = [
        (nw.col("_nula"), MOTIVO_NULO),
        (~nw.col("gestor").is_null() & ~motor.conocido(), Motivo.GESTOR_DESCONOCIDO),
        *motor.motivos_de_fecha(t),
    ]
    consulta = agrupar(
        motor.con_conocido(t.marco),
        ["gestor", "regional"],
        pares,
        mes=entero(desde("fecha", fh, motor.ctx.inicio_mes)),
    )

    def interpretar(consulta: Any) -> Calculo:
        grupos = columnas_de(consulta)
        mapa = motor.mapa_regional("eventos", grupos["regional"])
        motor.revisar_regional_de_gestor("eventos", t.marco, grupos, mapa)
        calculo = Calculo()
        c = motor.repartir("eventos", pares, grupos)
        for id_gestor, valor, mes in zip(c["gestor"], c["regional"], c["mes"], strict=True):
            motor.parcial(calculo, clave(id_gestor), mapa[valor]).numerador += int(mes)
        return calculo

    return Paso((consulta,), interpretar)
