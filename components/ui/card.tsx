import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

const surface = 'rounded-lg border border-border bg-card text-foreground shadow-xs';

/**
 * A section on a surface: an optional header (title, description, actions), a body and a footer.
 * For another layout compose CardHeader, CardTitle, CardContent and CardFooter instead.
 */
export function Card({
  title,
  description,
  actions,
  footer,
  children,
  className,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  footer?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <section className={cn(surface, className)}>
      {title || actions ? (
        <CardHeader className={children ? 'border-b border-border' : ''}>
          <div className="min-w-0 space-y-1">
            {title ? <CardTitle>{title}</CardTitle> : null}
            {description ? <CardDescription>{description}</CardDescription> : null}
          </div>
          {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
        </CardHeader>
      ) : null}
      {children ? <CardContent>{children}</CardContent> : null}
      {footer ? <CardFooter>{footer}</CardFooter> : null}
    </section>
  );
}

export function CardSurface({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn(surface, className)} {...props} />;
}

export function CardHeader({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return (
    <header
      className={cn('flex flex-wrap items-start justify-between gap-3 px-5 py-4', className)}
      {...props}
    />
  );
}

export function CardTitle({ className, ...props }: HTMLAttributes<HTMLHeadingElement>) {
  return <h2 className={cn('text-heading text-foreground', className)} {...props} />;
}

export function CardDescription({ className, ...props }: HTMLAttributes<HTMLParagraphElement>) {
  return <p className={cn('text-body text-muted-foreground', className)} {...props} />;
}

export function CardContent({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('px-5 py-4', className)} {...props} />;
}

export function CardFooter({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={cn(
        'flex flex-wrap items-center justify-end gap-2 rounded-b-lg border-t border-border bg-muted/50 px-5 py-3',
        className,
      )}
      {...props}
    />
  );
}
