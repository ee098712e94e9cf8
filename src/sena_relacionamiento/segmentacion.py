"""Segmentación de regionales y tipo de empresa (R3–R5).

>>> segmento_regional("Antioquia")
<SegmentoRegional.GRANDE: 'Grande'>
>>> tipo_empresa(500_000_000, "Antioquia"), tipo_empresa(500_000_000, "Huila")
(<TipoEmpresa.B: 'Tipo B'>, <TipoEmpresa.A: 'Tipo A'>)
>>> tipo_empresa(100_000_000, "Huila")
<TipoEmpresa.NO_FOCALIZADA: 'No focalizada'>
"""

from __future__ import annotations

from sena_relacionamiento.dinero import validar_pesos
from sena_relacionamiento.enumeraciones import SegmentoRegional, TipoEmpresa
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.parametros import PARAMETROS_2012, Parametros
from sena_relacionamiento.regionales import ConsultaRegional, regional

__all__ = ["segmento_regional", "tipo_empresa"]


def segmento_regional(
    consulta: ConsultaRegional, *, parametros: Parametros = PARAMETROS_2012
) -> SegmentoRegional:
    """El segmento de la regional según los aportes parafiscales que recibe (R3).

    El de Cesar es inferido (la circular no lo pone en el cuadro): ver
    ``parametros.segmentos_inferidos``.
    """
    if not isinstance(parametros, Parametros):
        raise DatoInvalido("se esperaba un Parametros", campo="parametros", valor=parametros)
    return parametros.segmentos[regional(consulta).codigo]


def tipo_empresa(
    aportes_anuales: object,
    consulta: ConsultaRegional,
    *,
    parametros: Parametros = PARAMETROS_2012,
) -> TipoEmpresa:
    """El tipo de una empresa por sus aportes parafiscales anuales en pesos (R4, R5).

    Tipo B: «más de $100 millones» (exclusivo) «y hasta» el techo del segmento de su regional
    (inclusivo): $500 millones en las grandes, $300 millones en las medianas y pequeñas.
    Por encima del techo es tipo A (**decisión** de R4); hasta $100 millones,
    `NO_FOCALIZADA`. Los aportes deben ser `int` o `Decimal` no negativos (R5).
    """
    aportes = validar_pesos(aportes_anuales, "aportes_anuales")
    segmento = segmento_regional(consulta, parametros=parametros)
    techo = parametros.techos_tipo_b[segmento]
    if aportes <= parametros.piso_tipo_b:
        return TipoEmpresa.NO_FOCALIZADA
    if aportes <= techo:
        return TipoEmpresa.B
    return TipoEmpresa.A
