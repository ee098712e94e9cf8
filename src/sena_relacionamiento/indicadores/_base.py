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
from sena_relacionamiento.indicadores.resultado import (
    Estado,
    Indicador,
    Resultado,
    Semaforo,
    evaluar,
)
from sena_relacionamiento.parametros import Parametros
from sena_relacionamiento.periodos import Periodo
from sena_relacionamiento.regionales import Regional
from sena_relacionamiento.registros import Registro

__all__ = ["Ambito", "Calculo", "Contexto", "Criterio", "Horizonte", "Parcial", "TipoAmbito"]


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


class Horizonte(EnumSena):
    """El horizonte de una meta (R24): la ventana que acumula y cuándo se evalúa."""

    MES = "El mes"
    TRIMESTRE = "El trimestre"
    ANIO = "El año"
    CORTE = "El corte"


@attrs.frozen
class Criterio:
    """Cómo se lee y se evalúa un indicador en un ámbito (R24–R25): desde qué día cuenta
    (`inicio`; hasta el corte), su `meta` (`None`: sin meta), si el horizonte de la meta
    terminó al corte (`cerrado`), la fracción transcurrida de ese horizonte (`avance`, que
    prorratea la meta en el semáforo), si la meta es un techo (`tope`), si es una razón con
    denominador (`razon`) y, en un conteo, la cuenta del parcial que da el valor (`cuenta`;
    `None`: el numerador)."""

    inicio: date
    meta: Decimal | int | None
    cerrado: bool
    avance: Fraction
    tope: bool = False
    razon: bool = False
    cuenta: str | None = None


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
            anio, vigencia = periodo.anio, parametros.vigencia
            raise DatoInvalido(
                f"el periodo es de {anio} y los parámetros de la vigencia {vigencia}: pida un "
                f"periodo de {vigencia} o dé los parámetros de la vigencia {anio} (R30), en "
                f'Python con parametros=cargar_parametros("vigencia-{anio}.toml") y en la '
                f"línea de órdenes con --parametros vigencia-{anio}.toml; «sena-relacionamiento "
                f"parametros --vigencia {anio}» escribe un documento para completar",
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

    def criterio(
        self,
        horizonte: Horizonte,
        meta: Decimal | int | None,
        *,
        tope: bool = False,
        razon: bool = False,
        cuenta: str | None = None,
    ) -> Criterio:
        """El criterio de un indicador cuya meta `meta` tiene el horizonte `horizonte` (R24):
        la ventana empieza al inicio del horizonte (el corte mismo, si es el corte), el estado
        se decide cuando el horizonte termina en el corte del informe, y el semáforo prorratea
        la meta por la fracción transcurrida (R25). Un mes o un corte siempre terminan en el
        corte: avance 1."""
        uno = Fraction(1)
        inicio, cerrado, avance = {
            Horizonte.MES: (self.inicio_mes, True, uno),
            Horizonte.TRIMESTRE: (
                self.inicio_trimestre,
                self.periodo.mes % 3 == 0,
                self.avance_trimestre,
            ),
            Horizonte.ANIO: (self.inicio_anio, self.periodo.mes == 12, self.avance_anio),
            Horizonte.CORTE: (self.fin, True, uno),
        }[horizonte]
        return Criterio(
            inicio, meta, cerrado=cerrado, avance=avance, tope=tope, razon=razon, cuenta=cuenta
        )

    def valorar(
        self, indicador: Indicador, criterio: Criterio, parcial: Parcial
    ) -> tuple[Decimal | int | None, int | Decimal, int | None, Estado, Semaforo | None]:
        """El valor, el numerador, el denominador (`None` en un conteo), el estado y el
        semáforo de un parcial ya consolidado según su `criterio` (R24–R25), con las bandas
        del semáforo de `indicador` en los parámetros (R31). Sin denominador una razón no
        tiene valor (`SIN_DATOS`), nunca una división por cero."""
        umbrales = self.parametros.bandas(indicador)
        valor: Decimal | int | None
        if criterio.razon:
            numerador: int | Decimal = parcial.numerador
            denominador: int | None = parcial.denominador
            valor = self.decimal.divide(Decimal(numerador), denominador) if denominador else None
            contado: int | Decimal = int(numerador)
        else:
            numerador = (
                parcial.numerador if criterio.cuenta is None else parcial.cuenta(criterio.cuenta)
            )
            denominador = None
            valor = contado = numerador
        estado, semaforo = evaluar(
            contado,
            denominador,
            criterio.meta,
            horizonte_cerrado=criterio.cerrado,
            avance=criterio.avance,
            tope=criterio.tope,
            umbrales=umbrales,
        )
        if estado is Estado.SIN_DATOS:
            valor = None
        return valor, numerador, denominador, estado, semaforo

    def evaluar(
        self,
        indicador: Indicador,
        criterio: Criterio,
        parcial: Parcial,
        detalle: dict[str, Any] | None = None,
    ) -> Resultado:
        """El `Resultado` de un parcial ya consolidado según su `criterio` (R24–R25)."""
        valor, numerador, denominador, estado, semaforo = self.valorar(indicador, criterio, parcial)
        return Resultado(
            indicador=indicador,
            inicio=criterio.inicio,
            fin=self.fin,
            valor=valor,
            meta=criterio.meta,
            numerador=numerador,
            denominador=denominador,
            estado=estado,
            semaforo=semaforo,
            detalle=MapaFijo(detalle) if detalle else _SIN_DETALLE,
        )


@attrs.define
class Parcial:
    """Suma parcial aditiva de un indicador en un ámbito: numerador, denominador, cuentas con
    nombre, pesos con nombre, frecuencias y listas (R22). Sumar dos parciales da el de la unión.

    Los desgloses se crean al primer uso: un parcial que solo lleva numerador y denominador
    (lo común en la consolidación y en el motor tabular) es un solo objeto.
    """

    numerador: int | Decimal = 0
    denominador: int = 0
    _cuentas: Counter[str] | None = None
    _pesos: dict[str, Pesos] | None = None
    _frecuencias: Counter[Any] | None = None
    _listas: dict[str, list[Any]] | None = None

    @property
    def cuentas(self) -> Counter[str]:
        if self._cuentas is None:
            self._cuentas = Counter()
        return self._cuentas

    @property
    def pesos(self) -> dict[str, Pesos]:
        if self._pesos is None:
            self._pesos = {}
        return self._pesos

    @property
    def frecuencias(self) -> Counter[Any]:
        if self._frecuencias is None:
            self._frecuencias = Counter()
        return self._frecuencias

    @frecuencias.setter
    def frecuencias(self, valor: Counter[Any]) -> None:
        self._frecuencias = valor

    @property
    def listas(self) -> dict[str, list[Any]]:
        if self._listas is None:
            self._listas = {}
        return self._listas

    def sumar(self, otro: Parcial) -> None:
        self.numerador += otro.numerador
        self.denominador += otro.denominador
        if otro._cuentas:
            cuentas = self.cuentas
            for clave, n in otro._cuentas.items():
                cuentas[clave] += n
        if otro._pesos:
            for clave, valor in otro._pesos.items():
                self.sumar_pesos(clave, valor)
        if otro._frecuencias:
            frecuencias = self.frecuencias
            for clave, n in otro._frecuencias.items():
                frecuencias[clave] += n
        if otro._listas:
            for clave, lista in otro._listas.items():
                self.listas.setdefault(clave, []).extend(lista)

    def sumar_pesos(self, clave: str, valor: Pesos) -> None:
        self.pesos[clave] = self.pesos.get(clave, 0) + valor

    def cuenta(self, clave: str) -> int:
        return self._cuentas.get(clave, 0) if self._cuentas else 0

    def lista(self, clave: str) -> list[Any]:
        return self._listas.get(clave, []) if self._listas else []


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
