"""SISMEG: colombianos formados y empleos generados por las alianzas (R13, §1).

Ventana: el año hasta el corte. Meta: la cuota de 2012 (20.000 formados y 2.000 empleos) a
nivel nacional, repartida 60 % a los gestores estratégicos (12.000 y 1.200) y 40 % a los
empresariales (8.000 y 800). Regionales y gestores reportan las sumas sin meta propia.

Gemelo por columnas: `tablas/sismeg.py` cuenta lo mismo sobre marcos de datos para
`informe_tabular` (docs/tablas.md). Un cambio en esta regla de conteo se hace en los dos;
las pruebas de tests/test_indicador_sismeg.py corren cada caso trabajado por ambas vías.
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
    """Suma formados (numerador) y empleos (cuenta ``empleos``) por gestor en el año."""
    calculo = Calculo()
    gestores = datos.indice.gestores
    for logro in datos.logros:
        motivo = (
            ctx.fuera_del_anio(logro.fecha)
            if logro.gestor in gestores
            else Motivo.GESTOR_DESCONOCIDO
        )
        if motivo is not None:
            calculo.excluir(motivo, (logro,))
            continue
        parcial = calculo.gestor(logro.gestor)
        parcial.numerador += logro.formados
        parcial.cuentas["empleos"] += logro.empleos
    return calculo


def criterio(indicador: Indicador, ambito: Ambito, ctx: Contexto) -> Criterio:
    """`SISMEG_FORMADOS` o `SISMEG_EMPLEOS` (cuenta ``empleos``): el año hasta el corte; meta
    en la nación y en cada rol, ninguna en regionales ni gestores (R13, R24)."""
    formados = indicador is Indicador.SISMEG_FORMADOS
    p = ctx.parametros
    meta: int | None = None
    if ambito.tipo is TipoAmbito.NACIONAL:
        meta = p.sismeg_formados if formados else p.sismeg_empleos
    elif ambito.tipo is TipoAmbito.ROL and ambito.rol is not None:
        meta = p.meta_sismeg(ambito.rol)[0 if formados else 1]
    return ctx.criterio(Horizonte.ANIO, meta, cuenta=None if formados else "empleos")


def resultado(indicador: Indicador, parcial: Parcial, ambito: Ambito, ctx: Contexto) -> Resultado:
    """`SISMEG_FORMADOS` o `SISMEG_EMPLEOS` de un ámbito (R13, R24)."""
    return ctx.evaluar(indicador, criterio(indicador, ambito, ctx), parcial)
