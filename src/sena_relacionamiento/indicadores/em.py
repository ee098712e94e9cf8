"""EM: empresas que monetizan (R20, §2f).

Ventana: el corte del periodo (``inicio == fin``). EM = empresas asignadas con cuota regulada
que la monetizan (total o parcialmente) / empresas asignadas con cuota regulada; la meta es un
techo: hasta 6 % cumple. El tope publicado de la regional en número de empresas (tabla §2f,
R28) va en el detalle, junto a la proporción.

Gemelo por columnas: `tablas/em.py` cuenta lo mismo sobre marcos de datos para
`informe_tabular` (docs/tablas.md). Un cambio en esta regla de conteo se hace en los dos;
las pruebas de tests/test_indicador_em.py corren cada caso trabajado por ambas vías.
"""

from __future__ import annotations

from sena_relacionamiento.datos import DatosSeguimiento, Motivo
from sena_relacionamiento.indicadores._base import (
    Ambito,
    Calculo,
    Contexto,
    Criterio,
    Horizonte,
    Parcial,
    TipoAmbito,
)
from sena_relacionamiento.indicadores.resultado import Indicador, Resultado

__all__ = ["calcular", "criterio", "resultado"]


def calcular(datos: DatosSeguimiento, ctx: Contexto) -> Calculo:
    """Empresas con cuota y las que monetizan, por gestor asignado."""
    calculo = Calculo()
    gestor_de = datos.indice.gestor_de
    for cuota in datos.cuotas:
        gestor = gestor_de.get(cuota.nit)
        if gestor is None:
            calculo.excluir(Motivo.EMPRESA_NO_ASIGNADA, (cuota,))
        elif cuota.cuota_regulada == 0:
            calculo.excluir(Motivo.SIN_CUOTA, (cuota,))
        else:
            parcial = calculo.gestor(gestor)
            parcial.denominador += 1
            parcial.numerador += cuota.monetiza
    return calculo


def criterio(indicador: Indicador, ambito: Ambito, ctx: Contexto) -> Criterio:
    """EM: techo de 6 %, evaluado en cada corte (R20, R24–R25)."""
    return ctx.criterio(Horizonte.CORTE, ctx.parametros.tope_em, tope=True, razon=True)


def resultado(indicador: Indicador, parcial: Parcial, ambito: Ambito, ctx: Contexto) -> Resultado:
    """EM de un ámbito, con el tope publicado de la regional o la nación (R20, R24–R25)."""
    topes = ctx.parametros.topes_em
    tope_publicado: int | None = None
    if ambito.tipo is TipoAmbito.REGIONAL:
        tope_publicado = topes[ambito.clave]
    elif ambito.tipo is TipoAmbito.NACIONAL:
        tope_publicado = sum(topes.values())
    detalle = {"tope_publicado": tope_publicado}
    return ctx.evaluar(indicador, criterio(indicador, ambito, ctx), parcial, detalle)
