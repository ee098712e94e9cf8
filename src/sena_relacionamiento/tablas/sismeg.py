"""SISMEG: formados y empleos (R13), la vía por columnas (uso interno de `tablas`).

Gemelo de `indicadores/sismeg.py` (la vía por registros): formados (numerador) y empleos
(cuenta ``empleos``) del año hasta el corte, por gestor conocido.
"""

from __future__ import annotations

from typing import Any

import narwhals.stable.v2 as nw

from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.indicadores._base import Calculo
from sena_relacionamiento.tablas._esquema import preparar
from sena_relacionamiento.tablas._motor import MOTIVO_NULO, Motor, Paso, agrupar, columnas_de

__all__ = ["paso"]


def paso(motor: Motor, nativo: Any) -> Paso[Calculo]:
    """SISMEG (R13): formados y empleos del año por gestor."""
    t = preparar("logros", nativo)
    pares = [
        (nw.col("_nula"), MOTIVO_NULO),
        (~motor.conocido(), Motivo.GESTOR_DESCONOCIDO),
        *motor.motivos_de_fecha(t),
    ]
    marco = motor.con_conocido(t.marco)
    motor.anotar_codigos("logros", marco, pares)
    consulta = agrupar(
        marco,
        ["gestor"],
        pares,
        formados=nw.col("formados"),
        empleos=nw.col("empleos"),
    )

    def interpretar(consulta: Any) -> Calculo:
        calculo = Calculo()
        c = motor.repartir("logros", pares, columnas_de(consulta))
        for id_gestor, formados, empleos in zip(
            c["gestor"], c["formados"], c["empleos"], strict=True
        ):
            parcial = calculo.gestor(id_gestor)
            parcial.numerador = int(formados)
            parcial.cuentas["empleos"] = int(empleos)
        return calculo

    return Paso((consulta,), interpretar)
