"""PE: participación en eventos (R21, §2g).

Sin meta: los eventos del mes, sus asistentes y las razones de cada convocatoria, más los
totales del año hasta el corte. Es una cifra de la regional (responsabilidad del
coordinador); el tablero de un gestor cuenta los eventos que lo nombran.

Gemelo por columnas: `tablas/pe.py` cuenta lo mismo sobre marcos de datos para
`informe_tabular` (docs/tablas.md). Un cambio en esta regla de conteo se hace en los dos;
las pruebas de tests/test_indicador_pe.py corren cada caso trabajado por ambas vías.
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
)
from sena_relacionamiento.indicadores.resultado import Indicador, Resultado

__all__ = ["calcular", "criterio", "resultado"]


def calcular(datos: DatosSeguimiento, ctx: Contexto) -> Calculo:
    """Eventos, asistentes y razones del mes y del año, por gestor o por regional."""
    calculo = Calculo()
    gestores = datos.indice.gestores
    for evento in datos.eventos:
        gestor = evento.gestor
        motivo = (
            Motivo.GESTOR_DESCONOCIDO
            if gestor is not None and gestor not in gestores
            else ctx.fuera_del_anio(evento.fecha)
        )
        if motivo is not None:
            calculo.excluir(motivo, (evento,))
            continue
        parcial = (
            calculo.regional(evento.regional.codigo) if gestor is None else calculo.gestor(gestor)
        )
        parcial.cuentas["eventos_anio"] += 1
        parcial.cuentas["asistentes_anio"] += evento.asistentes
        if evento.fecha >= ctx.inicio_mes:
            parcial.numerador += 1
            parcial.cuentas["asistentes"] += evento.asistentes
            parcial.listas.setdefault("razones", []).append(evento.razon)
    return calculo


def criterio(indicador: Indicador, ambito: Ambito, ctx: Contexto) -> Criterio:
    """PE: el mes, sin meta (R21, R24)."""
    return ctx.criterio(Horizonte.MES, None)


def resultado(indicador: Indicador, parcial: Parcial, ambito: Ambito, ctx: Contexto) -> Resultado:
    """PE de un ámbito (R21, R24)."""
    detalle = {
        "asistentes": parcial.cuenta("asistentes"),
        "razones": tuple(sorted(parcial.lista("razones"))),
        "eventos_anio": parcial.cuenta("eventos_anio"),
        "asistentes_anio": parcial.cuenta("asistentes_anio"),
    }
    return ctx.evaluar(indicador, criterio(indicador, ambito, ctx), parcial, detalle)
