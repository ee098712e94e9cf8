"""EC: empresas contactadas (R14–R15), la vía por columnas (uso interno de `tablas`).

Gemelo de `indicadores/ec.py` (la vía por registros): empresas de la cartera contactadas en el
trimestre hasta el corte / empresas asignadas. Antes del trimestre solo cuentan (para R15) los
contactos a la propia cartera; los demás se excluyen. Los contactos de fuera de cartera del
trimestre cuentan en el detalle (R14), nunca en el numerador. Da también las parejas
(gestor, nit) contactadas, que EP usa como denominador (R16).
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
    codigo_de,
    columnas_de,
    por_gestor,
)

__all__ = ["paso"]


def paso(motor: Motor, nativo: Any, cartera: Any) -> tuple[Paso[Calculo], Any]:
    """EC (R14): el paso y la consulta de las parejas (gestor, nit) de la cartera contactadas
    en el trimestre, que usa EP."""
    denominadores = por_gestor(cartera)
    if nativo is None:
        return Paso((denominadores,), _asignadas), cartera.head(0)
    ctx = motor.ctx
    t = preparar("contactos", nativo)
    fh = t.fecha_hora["fecha"]
    pares = [
        (nw.col("_nula"), MOTIVO_NULO),
        (~motor.conocido(), Motivo.GESTOR_DESCONOCIDO),
        *motor.motivos_de_fecha(t),
    ]
    marco = motor.con_conocido(t.marco.select("gestor", "nit", "fecha", "_nula")).with_columns(
        codigo_de(pares)
    )
    trimestre = desde("fecha", fh, ctx.inicio_trimestre)
    validos = marco.filter(nw.col("_m") == 0)
    # Antes del trimestre solo cuentan los contactos a la propia cartera (R15); los demás
    # se excluyen. En el trimestre, los de fuera de cartera cuentan en el detalle (R14).
    # Las parejas de la cartera con algún contacto en el trimestre: ya son distintas.
    contactadas = cartera.join(
        validos.filter(trimestre).select("gestor", "nit"), on=["gestor", "nit"], how="semi"
    )
    contactadas = motor.compartir(contactadas)  # EC y EP la usan: una vez
    consultas = (
        denominadores,
        por_gestor(contactadas),
        marco.group_by("_m").agg(nw.len().alias("_n")),
        validos.filter(~trimestre)
        .select("gestor", "nit")
        .join(cartera, on=["gestor", "nit"], how="anti")
        .select(nw.len().alias("n")),
    )

    def interpretar(denominadores: Any, numeradores: Any, grupos: Any, fuera: Any) -> Calculo:
        extra = {Motivo.FUERA_DEL_TRIMESTRE: int(columnas_de(fuera)["n"][0])}
        motor.repartir("contactos", pares, columnas_de(grupos), extra=extra)
        calculo = _asignadas(denominadores)
        c = columnas_de(numeradores)
        for id_gestor, n in zip(c["gestor"], c["n"], strict=True):
            calculo.gestor(id_gestor).numerador = int(n)
        return calculo

    return Paso(consultas, interpretar), contactadas


def _asignadas(denominadores: Any) -> Calculo:
    """El `Calculo` con las empresas asignadas de cada gestor como denominador."""
    calculo = Calculo()
    c = columnas_de(denominadores)
    for id_gestor, n in zip(c["gestor"], c["n"], strict=True):
        calculo.gestor(id_gestor).denominador = int(n)
    return calculo
