"""AF: ambientes de formación (R18), la vía por columnas (uso interno de `tablas`).

Gemelo de `indicadores/af.py` (la vía por registros): ambientes (`cantidad`) del mes por
gestor; con el detalle, también la cantidad y los pesos del año y los pesos del mes.
"""

from __future__ import annotations

from decimal import Decimal
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
    del_mes = desde("fecha", fh, motor.ctx.inicio_mes)
    mes = nw.when(del_mes).then(nw.col("cantidad")).otherwise(nw.lit(0, dtype=nw.Int64))
    # El detalle (como `indicadores.af`): cantidad y pesos del año y pesos del mes.
    detalle = (
        {
            "cantidad_anio": nw.col("cantidad"),
            "valor_pesos_anio": nw.col("valor"),
            "valor_pesos": nw.when(del_mes).then(nw.col("valor")),
        }
        if motor.detalle
        else {}
    )

    def interpretar(consulta: Any) -> Calculo:
        calculo = Calculo()
        c = motor.repartir("ambientes", pares, columnas_de(consulta))
        for id_gestor, mes in zip(c["gestor"], c["mes"], strict=True):
            calculo.gestor(id_gestor).numerador = int(mes)
        if detalle:
            for posicion, id_gestor in enumerate(c["gestor"]):
                parcial = calculo.gestor(id_gestor)
                parcial.cuentas["cantidad_anio"] += int(c["cantidad_anio"][posicion])
                for nombre in ("valor_pesos_anio", "valor_pesos"):
                    parcial.sumar_pesos(nombre, _pesos(c[nombre][posicion]))
        return calculo

    marco = motor.con_conocido(t.marco)
    motor.anotar_codigos("ambientes", marco, pares)
    consulta = agrupar(marco, ["gestor"], pares, mes=mes, **detalle)
    return Paso((consulta,), interpretar)


def _pesos(valor: Any) -> int | Decimal:
    """Una suma de pesos del motor como `int` o `Decimal` exacto (R5); nula (sin filas) es 0."""
    return valor if isinstance(valor, Decimal) else int(valor or 0)
