"""AF: ambientes de formación (R18, §2d).

Sin meta: el número de ambientes conseguidos o modernizados en el mes y su valor en pesos,
más los mismos totales del año hasta el corte.

Gemelo por columnas: `tablas/af.py` cuenta lo mismo sobre marcos de datos para
`informe_tabular` (docs/tablas.md). Un cambio en esta regla de conteo se hace en los dos;
las pruebas de tests/test_indicador_af.py corren cada caso trabajado por ambas vías.
"""

from __future__ import annotations

from decimal import Decimal

from sena_relacionamiento.datos import DatosSeguimiento, Motivo
from sena_relacionamiento.indicadores._base import (
    Ambito,
    Calculo,
    Contexto,
    Criterio,
    Horizonte,
    Parcial,
)
from sena_relacionamiento.indicadores.resultado import Indicador, Resultado

__all__ = ["calcular", "criterio", "resultado"]


def calcular(datos: DatosSeguimiento, ctx: Contexto) -> Calculo:
    """Cantidad y valor de los ambientes del mes y del año, por gestor."""
    calculo = Calculo()
    gestores = datos.indice.gestores
    for ambiente in datos.ambientes:
        motivo = (
            ctx.fuera_del_anio(ambiente.fecha)
            if ambiente.gestor in gestores
            else Motivo.GESTOR_DESCONOCIDO
        )
        if motivo is not None:
            calculo.excluir(motivo, (ambiente,))
            continue
        parcial = calculo.gestor(ambiente.gestor)
        parcial.cuentas["cantidad_anio"] += ambiente.cantidad
        parcial.sumar_pesos("valor_pesos_anio", ambiente.valor)
        if ambiente.fecha >= ctx.inicio_mes:
            parcial.numerador += ambiente.cantidad
            parcial.sumar_pesos("valor_pesos", ambiente.valor)
    return calculo


def criterio(indicador: Indicador, ambito: Ambito, ctx: Contexto) -> Criterio:
    """AF: el mes, sin meta (R18, R24)."""
    return ctx.criterio(Horizonte.MES, None)


def resultado(indicador: Indicador, parcial: Parcial, ambito: Ambito, ctx: Contexto) -> Resultado:
    """AF de un ámbito (R18, R24). Los valores en pesos van siempre como `Decimal` exacto
    (también cuando todos los registros traían `int`, o no hay ninguno)."""
    detalle = {
        "valor_pesos": Decimal(parcial.pesos.get("valor_pesos", 0)),
        "cantidad_anio": parcial.cuenta("cantidad_anio"),
        "valor_pesos_anio": Decimal(parcial.pesos.get("valor_pesos_anio", 0)),
    }
    return ctx.evaluar(indicador, criterio(indicador, ambito, ctx), parcial, detalle)
