"""La forma común de los indicadores (uso interno).

Cada módulo de indicador tiene la misma forma: `calcular(datos, contexto)` recorre sus
registros una vez y devuelve un `Calculo` con sumas parciales aditivas por gestor y por
regional (lo que no es de ningún gestor), más los registros excluidos con su motivo; y
`resultado(indicador, parcial, ambito, contexto)` convierte una suma parcial ya consolidada en
un `Resultado`. La consolidación (R22) suma parciales y solo al final divide.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_EVEN, Context, Decimal, DivisionByZero, InvalidOperation, Overflow
from fractions import Fraction
from typing import Any, Final

import attrs

from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.dinero import Pesos
from sena_relacionamiento.enumeraciones import EnumSena, Rol
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.indicadores.resultado import Estado, Indicador, Resultado, evaluar
from sena_relacionamiento.parametros import Parametros
from sena_relacionamiento.periodos import Periodo
from sena_relacionamiento.regionales import Regional
from sena_relacionamiento.registros import Registro

__all__ = ["Ambito", "Calculo", "Contexto", "Parcial", "TipoAmbito"]


_SIN_DETALLE: Final[MapaFijo[str, Any]] = MapaFijo()


def _contexto_decimal() -> Context:
    """Las razones se dividen con un contexto decimal fijo (28 dígitos, redondeo al par), no
    con el del hilo que llama: con `decimal.localcontext(prec=3)` o la trampa `Inexact`
    activada, el informe sería otro o fallaría. Cada informe tiene el suyo (sus banderas
    cambian al dividir): el núcleo no comparte estado mutable."""
    return Context(
        prec=28, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero, Overflow]
    )


class TipoAmbito(EnumSena):
    """El nivel de un tablero: la nación, un rol, una regional o un gestor (R22)."""

    NACIONAL = "Nacional"
    ROL = "Rol"
    REGIONAL = "Regional"
    GESTOR = "Gestor"


@attrs.frozen
class Ambito:
    """Un ámbito del informe: su tipo, su clave (``"CO"``, el nombre del rol, el código de la
    regional o el id del gestor), su rol (de un rol o un gestor) y su regional (de una regional
    o un gestor)."""

    tipo: TipoAmbito
    clave: str
    rol: Rol | None = None
    regional: Regional | None = None


@attrs.frozen
class Contexto:
    """Las ventanas de un informe para el periodo P (tabla de REGLAS, R13–R21)."""

    periodo: Periodo
    parametros: Parametros
    inicio_mes: date
    inicio_trimestre: date
    inicio_anio: date
    fin: date
    fin_anterior: date | None  # corte del periodo anterior dentro de la vigencia (CV)
    avance_trimestre: Fraction
    avance_anio: Fraction
    decimal: Context = attrs.field(factory=_contexto_decimal, eq=False, repr=False)

    @classmethod
    def de(cls, periodo: object, parametros: object) -> Contexto:
        """Las ventanas del periodo. El periodo debe cortar el día de los parámetros y ser de
        su vigencia; si no, es un `DatoInvalido` (no se mezclan cortes ni metas de otro año)."""
        if not isinstance(periodo, Periodo):
            raise DatoInvalido("se esperaba un Periodo", campo="periodo", valor=periodo)
        if not isinstance(parametros, Parametros):
            raise DatoInvalido("se esperaba un Parametros", campo="parametros", valor=parametros)
        if periodo.dia_corte != parametros.dia_corte:
            raise DatoInvalido(
                f"el periodo corta el día {periodo.dia_corte} y los parámetros el día "
                f"{parametros.dia_corte}",
                campo="periodo",
                valor=str(periodo),
            )
        if periodo.anio != parametros.vigencia:
            raise DatoInvalido(
                f"el periodo es de {periodo.anio} y los parámetros de la vigencia "
                f"{parametros.vigencia}",
                campo="periodo",
                valor=str(periodo),
            )
        mes_en_trimestre = (periodo.mes - 1) % 3 + 1
        return cls(
            periodo=periodo,
            parametros=parametros,
            inicio_mes=periodo.inicio,
            inicio_trimestre=periodo.trimestre.inicio,
            inicio_anio=periodo.vigencia.inicio,
            fin=periodo.fin,
            fin_anterior=periodo.anterior().fin if periodo.mes > 1 else None,
            avance_trimestre=Fraction(mes_en_trimestre, 3),
            avance_anio=Fraction(periodo.mes, 12),
        )

    def fuera_del_anio(self, fecha: date) -> str | None:
        """Por qué una fecha queda fuera del año hasta el corte (el motivo de exclusión de
        R23), o `None` si está dentro: la ventana más amplia de cualquier indicador."""
        if fecha > self.fin:
            return Motivo.POSTERIOR_AL_CORTE
        if fecha < self.inicio_anio:
            return Motivo.FUERA_DE_VIGENCIA
        return None

    @property
    def avance_mes(self) -> Fraction:
        """El horizonte de un mes (o de un corte) siempre termina en el corte: avance 1."""
        return Fraction(1)

    @property
    def cierra_trimestre(self) -> bool:
        return self.periodo.mes % 3 == 0

    @property
    def cierra_anio(self) -> bool:
        return self.periodo.mes == 12

    def evaluar(
        self,
        indicador: Indicador,
        inicio: date,
        numerador: int | Decimal,
        denominador: int | None,
        meta: Decimal | int | None,
        *,
        cerrado: bool,
        avance: Fraction,
        tope: bool = False,
        detalle: dict[str, Any] | None = None,
    ) -> Resultado:
        """Arma el `Resultado` de una razón (con denominador) o de un conteo (sin él)."""
        valor: Decimal | int | None
        if denominador is None:
            valor = numerador
            estado, semaforo = evaluar(
                numerador,
                None,
                meta,
                horizonte_cerrado=cerrado,
                avance=avance,
                tope=tope,
                umbrales=self.umbrales,
            )
        else:
            valor = self.decimal.divide(Decimal(numerador), denominador) if denominador else None
            estado, semaforo = evaluar(
                int(numerador),
                denominador,
                meta,
                horizonte_cerrado=cerrado,
                avance=avance,
                tope=tope,
                umbrales=self.umbrales,
            )
        if estado is Estado.SIN_DATOS:
            valor = None
        return Resultado(
            indicador=indicador,
            inicio=inicio,
            fin=self.fin,
            valor=valor,
            meta=meta,
            numerador=numerador,
            denominador=denominador,
            estado=estado,
            semaforo=semaforo,
            detalle=MapaFijo(detalle) if detalle else _SIN_DETALLE,
        )

    @property
    def umbrales(self) -> tuple[Decimal, Decimal]:
        return (self.parametros.umbral_verde, self.parametros.umbral_amarillo)


@attrs.define
class Parcial:
    """Suma parcial aditiva de un indicador en un ámbito: numerador, denominador, cuentas con
    nombre, pesos con nombre, frecuencias y listas (R22). Sumar dos parciales da el de la unión."""

    numerador: int | Decimal = 0
    denominador: int = 0
    cuentas: Counter[str] = attrs.Factory(Counter)
    pesos: dict[str, Pesos] = attrs.Factory(dict)
    frecuencias: Counter[Any] = attrs.Factory(Counter)
    listas: dict[str, list[Any]] = attrs.Factory(dict)

    def sumar(self, otro: Parcial) -> None:
        self.numerador += otro.numerador
        self.denominador += otro.denominador
        if otro.cuentas:
            self.cuentas.update(otro.cuentas)
        for clave, valor in otro.pesos.items():
            self.sumar_pesos(clave, valor)
        if otro.frecuencias:
            self.frecuencias.update(otro.frecuencias)
        for clave, lista in otro.listas.items():
            self.listas.setdefault(clave, []).extend(lista)

    def sumar_pesos(self, clave: str, valor: Pesos) -> None:
        self.pesos[clave] = self.pesos.get(clave, 0) + valor

    def cuenta(self, clave: str) -> int:
        return self.cuentas.get(clave, 0)

    def lista(self, clave: str) -> list[Any]:
        return self.listas.get(clave, [])


@attrs.define
class Calculo:
    """Lo que un indicador saca de los datos: parciales por gestor, parciales sin gestor por
    regional (código) y los registros excluidos, agrupados por motivo (R23)."""

    por_gestor: dict[str, Parcial] = attrs.Factory(dict)
    sin_gestor: dict[str, Parcial] = attrs.Factory(dict)
    excluidos: dict[str, list[Registro]] = attrs.Factory(dict)

    def gestor(self, id_gestor: str) -> Parcial:
        parcial = self.por_gestor.get(id_gestor)
        if parcial is None:
            parcial = self.por_gestor[id_gestor] = Parcial()
        return parcial

    def regional(self, codigo: str) -> Parcial:
        parcial = self.sin_gestor.get(codigo)
        if parcial is None:
            parcial = self.sin_gestor[codigo] = Parcial()
        return parcial

    def excluir(self, motivo: str, registros: Iterable[Registro]) -> None:
        """Anota los registros excluidos por `motivo`; sin registros no anota el motivo, para
        que `Informe.resumen_excluidos()` no liste motivos con cero registros."""
        lista = list(registros)
        if lista:
            self.excluidos.setdefault(motivo, []).extend(lista)
