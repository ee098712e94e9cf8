"""PE: participación en eventos (R21), la vía por columnas (uso interno de `tablas`).

Gemelo de `indicadores/pe.py` (la vía por registros): eventos del mes, por gestor o, sin
gestor, por regional. Un evento con gestor debe ser de la regional del gestor
(`RegistroInconsistente`, R21). Con el detalle, también los asistentes y las razones.
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
    del_mes = desde("fecha", fh, motor.ctx.inicio_mes)
    # El detalle (como `indicadores.pe`): asistentes del mes y del año y las razones del mes.
    detalle = (
        {
            "asistentes_anio": nw.col("asistentes"),
            "asistentes": nw.when(del_mes)
            .then(nw.col("asistentes"))
            .otherwise(nw.lit(0, dtype=nw.Int64)),
        }
        if motor.detalle
        else {}
    )
    marco = motor.con_conocido(t.marco)
    motor.anotar_codigos("eventos", marco, pares)
    consulta = agrupar(
        marco,
        ["gestor", "regional", *(["razon"] if motor.detalle else [])],
        pares,
        mes=entero(del_mes),
        **detalle,
    )

    def interpretar(consulta: Any) -> Calculo:
        grupos = columnas_de(consulta)
        mapa = motor.mapa_regional("eventos", grupos["regional"])
        motor.revisar_regional_de_gestor("eventos", t.marco, grupos, mapa)
        calculo = Calculo()
        c = motor.repartir("eventos", pares, grupos)
        for id_gestor, valor, mes in zip(c["gestor"], c["regional"], c["mes"], strict=True):
            motor.parcial(calculo, clave(id_gestor), mapa[valor]).numerador += int(mes)
        if detalle:
            for posicion, (id_gestor, valor) in enumerate(
                zip(c["gestor"], c["regional"], strict=True)
            ):
                parcial = motor.parcial(calculo, clave(id_gestor), mapa[valor])
                cuentas = parcial.cuentas
                cuentas["eventos_anio"] += int(c["_n"][posicion])
                for nombre in detalle:
                    cuentas[nombre] += int(c[nombre][posicion])
                mes = int(c["mes"][posicion])
                if mes:
                    parcial.listas.setdefault("razones", []).extend([c["razon"][posicion]] * mes)
        return calculo

    return Paso((consulta,), interpretar)
