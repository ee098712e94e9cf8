"""Los ocho indicadores de la circular, un módulo por indicador con la misma forma (R13–R21),
y el `Resultado` con su estado y semáforo (R24–R25)."""

from sena_relacionamiento.indicadores.resultado import (
    Estado,
    Indicador,
    Resultado,
    Semaforo,
    evaluar,
)

__all__ = ["Estado", "Indicador", "Resultado", "Semaforo", "evaluar"]
