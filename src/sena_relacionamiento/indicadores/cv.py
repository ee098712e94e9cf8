"""CV: contratos de aprendizaje voluntarios (R19, §2e).

Ventana: el año hasta el corte. Por empresa: si no está obligada, todos sus contratos son
voluntarios; si lo está, solo los que pasan de su cuota regulada, max(0, n − cuota)
(**decisión** de R19). La cifra regional cubre todas las empresas de la regional, asignadas o
no; la de un gestor, las que tiene asignadas. Meta: la tabla del §2e por regional (R27),
14.200 en la nación; sin meta para gestores y roles.

Gemelo por columnas: `tablas/cv.py` cuenta lo mismo sobre marcos de datos para
`informe_tabular` (docs/tablas.md). Un cambio en esta regla de conteo se hace en los dos;
las pruebas de tests/test_indicador_cv.py corren cada caso trabajado por ambas vías.
"""

from __future__ import annotations

from collections import Counter

from sena_relacionamiento.datos import DatosSeguimiento
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
from sena_relacionamiento.registros import ContratoAprendizaje

__all__ = ["calcular", "criterio", "resultado", "voluntarios"]


def voluntarios(contratos: int, obligada: bool, cuota_regulada: int) -> int:
    """Los contratos voluntarios de una empresa con `contratos` registrados en el año (R19).

    >>> voluntarios(5, False, 0), voluntarios(5, True, 3), voluntarios(2, True, 3)
    (5, 2, 0)
    """
    return max(0, contratos - cuota_regulada) if obligada else contratos


def calcular(datos: DatosSeguimiento, ctx: Contexto) -> Calculo:
    """Voluntarios del año, los que solo llenan cuota y el incremento del mes, por gestor o
    por regional."""
    calculo = Calculo()
    gestor_de = datos.indice.gestor_de
    fin_anterior = ctx.fin_anterior
    en_el_anio: Counter[str] = Counter()
    hasta_el_anterior: Counter[str] = Counter()
    empresa: dict[str, ContratoAprendizaje] = {}
    for contrato in datos.contratos:
        motivo = ctx.fuera_del_anio(contrato.fecha)
        if motivo is not None:
            calculo.excluir(motivo, (contrato,))
            continue
        en_el_anio[contrato.nit] += 1
        empresa.setdefault(contrato.nit, contrato)
        if fin_anterior is not None and contrato.fecha <= fin_anterior:
            hasta_el_anterior[contrato.nit] += 1
    for nit, n in en_el_anio.items():
        c = empresa[nit]
        ahora = voluntarios(n, c.obligada, c.cuota_regulada)
        antes = voluntarios(hasta_el_anterior[nit], c.obligada, c.cuota_regulada)
        gestor = gestor_de.get(nit)
        parcial = calculo.regional(c.regional.codigo) if gestor is None else calculo.gestor(gestor)
        parcial.numerador += ahora
        parcial.cuentas["dentro_de_cuota"] += n - ahora
        parcial.cuentas["incremento_mes"] += ahora - antes
    return calculo


def criterio(indicador: Indicador, ambito: Ambito, ctx: Contexto) -> Criterio:
    """CV: el año hasta el corte, meta de la tabla §2e en regionales y nación (R19, R24)."""
    metas = ctx.parametros.metas_cv
    meta: int | None = None
    if ambito.tipo is TipoAmbito.REGIONAL:
        meta = metas[ambito.clave]
    elif ambito.tipo is TipoAmbito.NACIONAL:
        meta = sum(metas.values())
    return ctx.criterio(Horizonte.ANIO, meta)


def resultado(indicador: Indicador, parcial: Parcial, ambito: Ambito, ctx: Contexto) -> Resultado:
    """CV de un ámbito (R19, R24)."""
    detalle = {
        "incremento_mes": parcial.cuenta("incremento_mes"),
        "dentro_de_cuota": parcial.cuenta("dentro_de_cuota"),
    }
    return ctx.evaluar(indicador, criterio(indicador, ambito, ctx), parcial, detalle)
